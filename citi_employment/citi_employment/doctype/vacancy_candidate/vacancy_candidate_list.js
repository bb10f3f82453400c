// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

// Where each candidate stands with the employer, at a glance; the score is a column of its own (in_list_view).
const CANDIDATE_STATUS_COLORS = {
	Proposed: "blue",
	"Resume Sent": "cyan",
	Interview: "orange",
	Hired: "green",
	Rejected: "red",
	Withdrawn: "gray",
};

frappe.listview_settings["Vacancy Candidate"] = {
	add_fields: ["status", "score"],
	get_indicator(doc) {
		const status = doc.status;
		if (!status) {
			return;
		}
		return [__(status, null, "Vacancy Candidate"), CANDIDATE_STATUS_COLORS[status] || "gray", `status,=,${status}`];
	},
};
