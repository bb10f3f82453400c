// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

frappe.query_reports["Sensitive Data Access"] = {
	filters: [
		{
			fieldname: "from_date",
			label: __("From Date"),
			fieldtype: "Date",
			default: frappe.datetime.add_days(frappe.datetime.get_today(), -30),
			reqd: 1,
		},
		{
			fieldname: "to_date",
			label: __("To Date"),
			fieldtype: "Date",
			default: frappe.datetime.get_today(),
			reqd: 1,
		},
		// Text, not links: the Head may not read the User and DocType lists the links would search.
		{ fieldname: "user", label: __("User"), fieldtype: "Data" },
		{ fieldname: "document_type", label: __("Document Type"), fieldtype: "Data" },
		{
			fieldname: "kind",
			label: __("Kind of Access"),
			fieldtype: "Select",
			options: [
				{ value: "", label: "" },
				{ value: "Read", label: __("Record Opened") },
				{ value: "Print", label: __("Printed") },
				{ value: "Export", label: __("Exported") },
				{ value: "Other", label: __("Other Access") },
			],
		},
	],
};
