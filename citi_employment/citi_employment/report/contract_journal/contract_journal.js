// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

{% include "citi_employment/public/js/report_filters.js" %}

frappe.query_reports["Contract Journal"] = {
	filters: [
		citi_employment.report_filters.view({
			"By Journal": __("By Journal"),
			"Expiring Contracts": __("Expiring Contracts"),
		}),
		citi_employment.report_filters.link("journal", __("Journal"), "Contract Journal"),
		citi_employment.report_filters.select(
			"status",
			__("Status"),
			{
				Draft: __("Draft"),
				"Pending Director Approval": __("Pending Director Approval"),
				Active: __("Active"),
				"Expiring Soon": __("Expiring Soon"),
				Expired: __("Expired"),
				Declined: __("Declined"),
				Terminated: __("Terminated"),
			},
			{ optional: true }
		),
		// Empty: the contract-expiry warning days of Employment Center Settings.
		citi_employment.report_filters.field("expiring_within_days", __("Expiring Within (Days)"), "Int"),
		...citi_employment.report_filters.period(__("Registered From"), __("Registered To")),
	],
};
