// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

{% include "citi_employment/public/js/report_filters.js" %}

frappe.query_reports["Employer Data Bank"] = {
	filters: [
		citi_employment.report_filters.select(
			"group_by",
			__("Grouping"),
			{
				Employer: __("Employer"),
				Region: __("Region", null, "Employer"),
				Activity: __("Type of Activity"),
			},
			{ default_value: "Employer" }
		),
		citi_employment.report_filters.select(
			"status",
			__("Status"),
			{
				Potential: __("Potential"),
				"Active Partner": __("Active Partner"),
				Inactive: __("Inactive"),
			},
			{ optional: true }
		),
		citi_employment.report_filters.region(),
		citi_employment.report_filters.field("activity", __("Type of Activity"), "Data"),
	],
};
