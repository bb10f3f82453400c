// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

{% include "citi_employment/public/js/status_indicator.js" %}

const MONITORING_STATUS_COLORS = {
	Planned: "blue",
	Due: "orange",
	Done: "green",
	Overdue: "red",
	"Not Applicable": "gray",
};

// "Due" is also the Work Plan's column «Срок исполнения»; as a status it reads «Пора проверить».
const MONITORING_STATUS_LABELS = {
	Due: __("Check Due"),
};

frappe.listview_settings["Employment Monitoring Record"] = citi_employment.status_indicator.list_settings(
	"status",
	MONITORING_STATUS_COLORS,
	{ labels: MONITORING_STATUS_LABELS }
);
