// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

frappe.query_reports["Specialist Activity"] = {
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
			default: frappe.datetime.get_today(),
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
			default: "Month",
		},
		{
			fieldname: "user",
			label: __("Staff Member"),
			fieldtype: "Link",
			options: "User",
		},
	],
};
