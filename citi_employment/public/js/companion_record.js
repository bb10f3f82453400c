// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

// A record kept 1:1 beside the form's document and named after it (Graduate Personal Data beside its
// Graduate, Vacancy Internal Requirements beside its Vacancy Request), opened from a button of the form: the
// existing one, or a new one filled with `values`. A form script takes this file in with a Jinja-style
// include line naming this path (rendered by frappe.desk.form.meta.get_js; this comment must not spell the
// include out). Form scripts share one page: assigned to a namespace, never declared again.
frappe.provide("citi_employment.companion_record");

citi_employment.companion_record.open = function (frm, doctype, values) {
	frappe.db.exists(doctype, frm.doc.name).then((exists) => {
		if (exists) {
			frappe.set_route("Form", doctype, frm.doc.name);
			return;
		}
		frappe.model.with_doctype(doctype, () => {
			const record = Object.assign(frappe.model.get_new_doc(doctype), values);
			frappe.set_route("Form", doctype, record.name);
		});
	});
};
