// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

frappe.query_reports["Consent Register"] = {
	filters: [
		{
			fieldname: "view",
			label: __("Show"),
			fieldtype: "Select",
			options: [
				{ value: "By Kind and Status", label: __("By Kind and Status") },
				{ value: "Revocations", label: __("Revocations") },
				{ value: "Coming of Age", label: __("Coming of Age") },
			],
			default: "By Kind and Status",
		},
		{
			// The consents signed, or the revocations received, in the period.
			fieldname: "from_date",
			label: __("From Date"),
			fieldtype: "Date",
		},
		{
			fieldname: "to_date",
			label: __("To Date"),
			fieldtype: "Date",
		},
		{
			fieldname: "within_days",
			label: __("Turning 18 Within (Days)"),
			fieldtype: "Int",
			default: 90,
		},
	],
};
