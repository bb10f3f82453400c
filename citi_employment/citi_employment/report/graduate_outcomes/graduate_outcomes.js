// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

{% include "citi_employment/public/js/report_filters.js" %}

frappe.query_reports["Graduate Outcomes"] = {
	filters: [
		citi_employment.report_filters.field("checkpoint", __("Checkpoint (Months)"), "Int", { default: 6, reqd: 1 }),
		citi_employment.report_filters.field("year_from", __("Graduation Year From"), "Int"),
		citi_employment.report_filters.field("year_to", __("Graduation Year To"), "Int"),
		citi_employment.report_filters.profession(),
	],
};
