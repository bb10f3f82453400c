// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

// Revoked is orange: the data still waits for destruction (or has been destroyed, see the act).
const CONSENT_STATUS_COLORS = {
	Draft: "red",
	Active: "green",
	Superseded: "blue",
	Revoked: "orange",
	Expired: "gray",
	Cancelled: "red",
};

frappe.listview_settings["Personal Data Consent"] = {
	add_fields: ["status"],
	// The status field already says Draft and Cancelled; no docstatus fallback on top of it.
	has_indicator_for_draft: true,
	has_indicator_for_cancelled: true,
	get_indicator(doc) {
		const status = doc.status;
		if (!status) {
			return;
		}
		return [__(status, null, "Personal Data Consent"), CONSENT_STATUS_COLORS[status] || "gray", `status,=,${status}`];
	},
};
