// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

frappe.ui.form.on("Employer Interaction", {
	setup(frm) {
		// Only the employer's own contacts, requests and contracts; the server checks the same.
		frm.set_query("contact_person", () => ({
			query: "frappe.contacts.doctype.contact.contact.contact_query",
			filters: { link_doctype: "Employer", link_name: frm.doc.employer || "" },
		}));
		for (const fieldname of ["vacancy_request", "employer_contract"]) {
			frm.set_query(fieldname, () => ({ filters: { employer: frm.doc.employer || "" } }));
		}
	},
	employer(frm) {
		for (const fieldname of ["contact_person", "vacancy_request", "employer_contract"]) {
			if (frm.doc[fieldname]) {
				frm.set_value(fieldname, null);
			}
		}
	},
});
