// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

{% include "citi_employment/public/js/report_filters.js" %}

frappe.query_reports["Employment Retention"] = {
	filters: [
		...citi_employment.report_filters.period(
			__("Employed From"),
			__("Employed To"),
			frappe.datetime.add_months(frappe.datetime.month_start(), -24),
			frappe.datetime.get_today()
		),
		citi_employment.report_filters.date("as_on", __("As On"), frappe.datetime.get_today()),
		citi_employment.report_filters.profession(),
	],
};
