// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

frappe.query_reports["Profession Demand"] = {
	filters: [
		{
			fieldname: "from_date",
			label: __("From Date"),
			fieldtype: "Date",
			default: frappe.datetime.year_start(),
		},
		{
			fieldname: "to_date",
			label: __("To Date"),
			fieldtype: "Date",
			default: frappe.datetime.year_end(),
		},
		{
			fieldname: "granularity",
			label: __("Time Period"),
			fieldtype: "Select",
			options: [
				{ value: "Year", label: __("Year") },
				{ value: "Quarter", label: __("Quarter") },
				{ value: "Month", label: __("Month") },
			],
			default: "Year",
		},
		{
			// Empty: employment and targeted training, the requests for workers.
			fieldname: "kind",
			label: __("Request Kind"),
			fieldtype: "Select",
			options: [
				{ value: "", label: "" },
				{ value: "Employment", label: __("Employment") },
				{ value: "Targeted Training", label: __("Targeted Training") },
				{ value: "Practice", label: __("Practice") },
			],
		},
		{
			fieldname: "profession",
			label: __("Profession"),
			fieldtype: "Link",
			options: "Profession",
		},
	],
};
