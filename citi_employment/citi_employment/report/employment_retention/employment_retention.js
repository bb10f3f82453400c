// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

frappe.query_reports["Employment Retention"] = {
	filters: [
		{
			fieldname: "from_date",
			label: __("Employed From"),
			fieldtype: "Date",
			default: frappe.datetime.add_months(frappe.datetime.month_start(), -24),
		},
		{
			fieldname: "to_date",
			label: __("Employed To"),
			fieldtype: "Date",
			default: frappe.datetime.get_today(),
		},
		{
			fieldname: "as_on",
			label: __("As On"),
			fieldtype: "Date",
			default: frappe.datetime.get_today(),
		},
		{
			fieldname: "profession",
			label: __("Profession"),
			fieldtype: "Link",
			options: "Profession",
		},
	],
};
