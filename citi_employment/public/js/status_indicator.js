// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

// The list view's indicator of a status field, written once for the app's lists: the status translated
// (in `context`, the DocType's own words, or by `labels`), its colour, and a click that filters the list by
// it. A list script takes this file in with a Jinja-style include line naming this path (rendered by
// frappe.desk.form.meta.get_js; this comment must not spell the include out). Scripts share one page:
// assigned to a namespace, never declared again.
frappe.provide("citi_employment.status_indicator");

citi_employment.status_indicator.list_settings = function (fieldname, colors, options = {}) {
	return {
		add_fields: options.add_fields || [fieldname],
		get_indicator(doc) {
			const status = doc[fieldname];
			if (!status) {
				return;
			}
			const label = (options.labels || {})[status] || __(status, null, options.context);
			return [label, colors[status] || "gray", `${fieldname},=,${status}`];
		},
	};
};
