// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

frappe.query_reports["Work Plan Execution"] = {
	filters: [
		{
			fieldname: "view",
			label: __("Show"),
			fieldtype: "Select",
			options: [
				{ value: "By Plan", label: __("By Plan") },
				{ value: "Overdue Items", label: __("Overdue Items") },
			],
			default: "By Plan",
		},
		{
			fieldname: "year",
			label: __("Year"),
			fieldtype: "Int",
			default: new Date().getFullYear(),
		},
		{
			fieldname: "period",
			label: __("Period", null, "Work Plan"),
			fieldtype: "Select",
			options: [
				{ value: "", label: "" },
				{ value: "Year", label: __("Year") },
				{ value: "1st Half", label: __("1st Half") },
				{ value: "2nd Half", label: __("2nd Half") },
			],
		},
		{
			fieldname: "plan_status",
			label: __("Plan Status"),
			fieldtype: "Select",
			options: [
				{ value: "", label: "" },
				{ value: "Draft", label: __("Draft") },
				{ value: "Submitted", label: __("Submitted", null, "Work Plan") },
				{ value: "Approved", label: __("Approved") },
			],
		},
	],
};
