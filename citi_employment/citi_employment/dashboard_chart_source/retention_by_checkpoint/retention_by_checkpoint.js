// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

// Monitoring checks done at each checkpoint and those that found the graduate still working (§6.2).
frappe.provide("frappe.dashboards.chart_sources");

frappe.dashboards.chart_sources["Retention by Checkpoint"] = {
	method: "citi_employment.dashboard.charts.retention_by_checkpoint",
	filters: [],
};
