// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

{% include "citi_employment/public/js/report_filters.js" %}

frappe.query_reports["Profession Demand"] = {
	filters: [
		...citi_employment.report_filters.period_from_year_start(frappe.datetime.year_end()),
		citi_employment.report_filters.granularity("Year"),
		// Empty: employment and targeted training, the requests for workers.
		citi_employment.report_filters.request_kind(__("Request Kind")),
		citi_employment.report_filters.profession(),
	],
};
