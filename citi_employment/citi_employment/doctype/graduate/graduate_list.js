// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

{% include "citi_employment/public/js/status_indicator.js" %}

const EMPLOYMENT_STATUS_COLORS = {
	Studying: "blue",
	"Seeking Employment": "orange",
	Employed: "green",
	"Not Seeking": "gray",
};

frappe.listview_settings["Graduate"] = citi_employment.status_indicator.list_settings(
	"employment_status",
	EMPLOYMENT_STATUS_COLORS
);
