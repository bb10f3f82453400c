// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

{% include "citi_employment/public/js/companion_record.js" %}

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
	citi_employment.companion_record.open(frm, PERSONAL_DATA_DOCTYPE, {
		graduate: frm.doc.name,
		graduate_name: frm.doc.full_name,
	});
}
