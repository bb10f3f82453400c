// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

{% include "citi_employment/public/js/report_filters.js" %}

frappe.query_reports["Specialist Activity"] = {
	filters: [
		...citi_employment.report_filters.period_from_year_start(frappe.datetime.get_today()),
		citi_employment.report_filters.granularity("Month"),
		citi_employment.report_filters.link("user", __("Staff Member"), "User"),
	],
};
