// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

frappe.query_reports["Graduate Outcomes"] = {
	filters: [
		{
			fieldname: "checkpoint",
			label: __("Checkpoint (Months)"),
			fieldtype: "Int",
			default: 6,
			reqd: 1,
		},
		{
			fieldname: "year_from",
			label: __("Graduation Year From"),
			fieldtype: "Int",
		},
		{
			fieldname: "year_to",
			label: __("Graduation Year To"),
			fieldtype: "Int",
		},
		{
			fieldname: "profession",
			label: __("Profession"),
			fieldtype: "Link",
			options: "Profession",
		},
	],
};
