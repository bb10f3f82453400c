// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

// The checks on their due dates, coloured by status as in the list (keys of the calendar's colour map).
const MONITORING_CALENDAR_CLASSES = {
	Due: "warning",
	Done: "success",
	Overdue: "danger",
};

frappe.views.calendar["Employment Monitoring Record"] = {
	field_map: {
		start: "due_date",
		end: "due_date",
		id: "name",
		title: "graduate_name",
		allDay: "allDay",
		status: "status",
	},
	// The server sends only these columns; the status colours the event.
	fields: ["name", "due_date", "graduate_name", "status"],
	get_css_class(event) {
		return MONITORING_CALENDAR_CLASSES[event.status] || "default";
	},
	filters: [
		{
			fieldtype: "Select",
			fieldname: "status",
			label: __("Status"),
			options: "\nPlanned\nDue\nDone\nOverdue\nNot Applicable",
		},
		{
			fieldtype: "Link",
			fieldname: "responsible_specialist",
			label: __("Responsible Specialist"),
			options: "User",
		},
	],
	get_events_method: "frappe.desk.calendar.get_events",
};
