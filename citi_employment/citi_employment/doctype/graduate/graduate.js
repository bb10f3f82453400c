// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

const PERSONAL_DATA_DOCTYPE = "Graduate Personal Data";

frappe.ui.form.on("Graduate", {
	refresh(frm) {
		// The server says only whether the user may read personal data; the data stays in its own DocType.
		if (frm.is_new() || !frm.doc.__onload?.can_read_personal_data) {
			return;
		}
		frm.add_custom_button(__("Personal Data"), () => open_personal_data(frm));
	},
});

function open_personal_data(frm) {
	// Graduate Personal Data is named after its graduate (1:1).
	frappe.db.exists(PERSONAL_DATA_DOCTYPE, frm.doc.name).then((exists) => {
		if (exists) {
			frappe.set_route("Form", PERSONAL_DATA_DOCTYPE, frm.doc.name);
			return;
		}
		frappe.model.with_doctype(PERSONAL_DATA_DOCTYPE, () => {
			const personal_data = frappe.model.get_new_doc(PERSONAL_DATA_DOCTYPE);
			personal_data.graduate = frm.doc.name;
			personal_data.graduate_name = frm.doc.full_name;
			frappe.set_route("Form", PERSONAL_DATA_DOCTYPE, personal_data.name);
		});
	});
}
