// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

// The record is named after its graduate (autoname "field:graduate"), and the framework hides that field once
// the record is saved, so the form had no way back to the graduate. The link stays visible (read-only, it is
// set only once) and a button opens the graduate.
frappe.ui.form.on("Graduate Personal Data", {
	refresh(frm) {
		if (frm.is_new() || !frm.doc.graduate) {
			return;
		}
		frm.toggle_display("graduate", true);
		frm.add_custom_button(__("Open Graduate"), () =>
			frappe.set_route("Form", "Graduate", frm.doc.graduate)
		);
	},
});
