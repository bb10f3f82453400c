// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

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

frappe.listview_settings["Employment Monitoring Record"] = {
	add_fields: ["status"],
	get_indicator(doc) {
		const status = doc.status;
		if (!status) {
			return;
		}
		return [
			MONITORING_STATUS_LABELS[status] || __(status),
			MONITORING_STATUS_COLORS[status] || "gray",
			`status,=,${status}`,
		];
	},
};
