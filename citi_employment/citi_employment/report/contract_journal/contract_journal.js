// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

frappe.query_reports["Contract Journal"] = {
	filters: [
		{
			fieldname: "view",
			label: __("Show"),
			fieldtype: "Select",
			options: [
				{ value: "By Journal", label: __("By Journal") },
				{ value: "Expiring Contracts", label: __("Expiring Contracts") },
			],
			default: "By Journal",
		},
		{
			fieldname: "journal",
			label: __("Journal"),
			fieldtype: "Link",
			options: "Contract Journal",
		},
		{
			fieldname: "status",
			label: __("Status"),
			fieldtype: "Select",
			options: [
				{ value: "", label: "" },
				{ value: "Draft", label: __("Draft") },
				{ value: "Pending Director Approval", label: __("Pending Director Approval") },
				{ value: "Active", label: __("Active") },
				{ value: "Expiring Soon", label: __("Expiring Soon") },
				{ value: "Expired", label: __("Expired") },
				{ value: "Rejected", label: __("Rejected", null, "Employer Contract") },
				{ value: "Terminated", label: __("Terminated") },
			],
		},
		{
			// Empty: the contract-expiry warning days of Employment Center Settings.
			fieldname: "expiring_within_days",
			label: __("Expiring Within (Days)"),
			fieldtype: "Int",
		},
		{
			fieldname: "from_date",
			label: __("Registered From"),
			fieldtype: "Date",
		},
		{
			fieldname: "to_date",
			label: __("Registered To"),
			fieldtype: "Date",
		},
	],
};
