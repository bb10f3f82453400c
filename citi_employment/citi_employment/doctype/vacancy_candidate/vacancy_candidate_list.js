// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

{% include "citi_employment/public/js/status_indicator.js" %}

// Where each candidate stands with the employer, at a glance; the score is a column of its own (in_list_view).
const CANDIDATE_STATUS_COLORS = {
	Proposed: "blue",
	"Resume Sent": "cyan",
	Interview: "orange",
	Hired: "green",
	Declined: "red",
	Withdrawn: "gray",
};

frappe.listview_settings["Vacancy Candidate"] = citi_employment.status_indicator.list_settings(
	"status",
	CANDIDATE_STATUS_COLORS,
	{ context: "Vacancy Candidate", add_fields: ["status", "score"] }
);
