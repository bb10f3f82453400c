// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

{% include "citi_employment/public/js/report_filters.js" %}

frappe.query_reports["Vacancy Registry"] = {
	filters: [
		citi_employment.report_filters.request_kind(__("Kind")),
		...citi_employment.report_filters.period(__("Expected Start From"), __("Expected Start To")),
		citi_employment.report_filters.region(),
	],
};
