// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

{% include "citi_employment/public/js/report_filters.js" %}

frappe.query_reports["Work Plan Execution"] = {
	filters: [
		citi_employment.report_filters.view({ "By Plan": __("By Plan"), "Overdue Items": __("Overdue Items") }),
		citi_employment.report_filters.field("year", __("Year"), "Int", { default: new Date().getFullYear() }),
		citi_employment.report_filters.select(
			"period",
			__("Period", null, "Work Plan"),
			{ Year: __("Year"), "1st Half": __("1st Half"), "2nd Half": __("2nd Half") },
			{ optional: true }
		),
		citi_employment.report_filters.select(
			"plan_status",
			__("Plan Status"),
			{
				Draft: __("Draft"),
				"Pending Director Approval": __("Pending Director Approval"),
				Approved: __("Approved"),
			},
			{ optional: true }
		),
	],
};
