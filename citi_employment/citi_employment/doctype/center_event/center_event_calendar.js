// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

frappe.views.calendar["Center Event"] = {
	field_map: {
		start: "starts_on",
		end: "ends_on",
		id: "name",
		title: "subject",
		status: "status",
	},
	style_map: {
		Planned: "info",
		Held: "success",
		Cancelled: "danger",
	},
	get_events_method: "frappe.desk.calendar.get_events",
};
