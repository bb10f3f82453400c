// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

const EMPLOYMENT_STATUS_COLORS = {
	Studying: "blue",
	"Seeking Employment": "orange",
	Employed: "green",
	"Not Seeking": "gray",
};

frappe.listview_settings["Graduate"] = {
	add_fields: ["employment_status"],
	get_indicator(doc) {
		const status = doc.employment_status;
		if (!status) {
			return;
		}
		return [
			__(status),
			EMPLOYMENT_STATUS_COLORS[status] || "gray",
			`employment_status,=,${status}`,
		];
	},
};
