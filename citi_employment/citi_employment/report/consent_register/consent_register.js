// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

{% include "citi_employment/public/js/report_filters.js" %}

frappe.query_reports["Consent Register"] = {
	filters: [
		citi_employment.report_filters.view({
			"By Kind and Status": __("By Kind and Status"),
			Revocations: __("Revocations"),
			"Coming of Age": __("Coming of Age"),
		}),
		// The consents signed, or the revocations received, in the period.
		...citi_employment.report_filters.period(__("From Date"), __("To Date")),
		citi_employment.report_filters.field("within_days", __("Turning 18 Within (Days)"), "Int", { default: 90 }),
	],
};
