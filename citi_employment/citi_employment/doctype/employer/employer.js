// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

frappe.ui.form.on("Employer", {
	refresh(frm) {
		// Frappe's own Contact and Address forms link back to the employer through this.
		frappe.dynamic_link = { doc: frm.doc, fieldname: "name", doctype: "Employer" };
		frm.toggle_display(["address_contacts_section"], !frm.is_new());
		if (frm.is_new()) {
			frappe.contacts.clear_address_and_contact(frm);
		} else {
			frappe.contacts.render_address_and_contact(frm);
		}
	},
});
