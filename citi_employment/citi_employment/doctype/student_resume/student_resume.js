// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

frappe.ui.form.on("Student Resume", {
	graduate(frm) {
		// The server adds the same row on insert; showing it now lets staff correct it before saving.
		if (!frm.is_new() || !frm.doc.graduate || (frm.doc.education || []).length) {
			return;
		}
		frappe
			.call({
				method: "citi_employment.citi_employment.doctype.student_resume.student_resume.get_prefill",
				args: { graduate: frm.doc.graduate },
			})
			.then((r) => {
				const row = r.message && r.message.education;
				if (row && !(frm.doc.education || []).length) {
					frm.add_child("education", row);
					frm.refresh_field("education");
				}
			});
	},
});
