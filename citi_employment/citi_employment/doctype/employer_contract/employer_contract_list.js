// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

{% include "citi_employment/public/js/status_indicator.js" %}

// The same colours as the Workflow State styles of "Employer Contract Approval", so that the list looks
// alike whether the workflow or this script draws the indicator.
const CONTRACT_STATUS_COLORS = {
	Draft: "gray",
	"Pending Director Approval": "orange",
	Active: "green",
	"Expiring Soon": "yellow",
	Expired: "gray",
	Declined: "red",
	Terminated: "red",
};

frappe.listview_settings["Employer Contract"] = citi_employment.status_indicator.list_settings(
	"status",
	CONTRACT_STATUS_COLORS,
	{ context: "Employer Contract" }
);
