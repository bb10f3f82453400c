// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

frappe.query_reports["Center Monthly Digest"] = {
	filters: [
		{
			// The day the digest is made for: checks, contracts and consents as they stand then.
			fieldname: "as_on",
			label: __("As On"),
			fieldtype: "Date",
			default: frappe.datetime.get_today(),
		},
	],
};
