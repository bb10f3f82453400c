// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

// Professions are named after profession_name (autoname "field:"), and the framework hides that field once
// the record is saved, leaving only the page title, which cuts a long name short. The full name stays on the
// form, read-only once saved (set_only_once; the framework would put a typed change back to the name anyway):
// changing it is a Rename, which keeps the field and every link in step.
frappe.ui.form.on("Profession", {
	refresh(frm) {
		if (!frm.is_new()) {
			frm.toggle_display("profession_name", true);
		}
	},
});
