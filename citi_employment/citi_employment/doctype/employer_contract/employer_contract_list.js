// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

// The same colours as the Workflow State styles of "Employer Contract Approval", so that the list looks
// alike whether the workflow or this script draws the indicator.
const CONTRACT_STATUS_COLORS = {
	Draft: "gray",
	"Pending Director Approval": "orange",
	Active: "green",
	"Expiring Soon": "yellow",
	Expired: "gray",
	Rejected: "red",
	Terminated: "red",
};

frappe.listview_settings["Employer Contract"] = {
	add_fields: ["status"],
	get_indicator(doc) {
		const status = doc.status;
		if (!status) {
			return;
		}
		return [__(status, null, "Employer Contract"), CONTRACT_STATUS_COLORS[status] || "gray", `status,=,${status}`];
	},
};
