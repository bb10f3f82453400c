// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

frappe.listview_settings["Employer"] = {
	add_fields: ["status"],
	get_indicator(doc) {
		const colors = { Potential: "blue", "Active Partner": "green", Inactive: "gray" };
		return [__(doc.status), colors[doc.status] || "gray", "status,=," + doc.status];
	},
};
