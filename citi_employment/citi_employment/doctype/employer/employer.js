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
		if (!frm.is_new() && frm.doc.status !== "Inactive" && frm.perm[0] && frm.perm[0].write) {
			frm.add_custom_button(__("Send the Vacancy Request Form"), () => send_vacancy_request_link(frm));
		}
	},
});

// The online «Заявка» with this employer named in a signed link (citi_employment/employer_forms/).
function send_vacancy_request_link(frm) {
	frappe.prompt(
		[
			{
				fieldname: "recipient",
				fieldtype: "Data",
				options: "Email",
				label: __("Recipient Email"),
				default: frm.doc.email,
				reqd: 1,
			},
		],
		(values) => {
			frappe.call({
				method: "citi_employment.employer_forms.vacancy_request.send_vacancy_request_link",
				args: { employer: frm.doc.name, recipient: values.recipient },
				freeze: true,
				callback: (r) => {
					if (!r.message) return;
					frappe.msgprint({
						title: __("Link Sent"),
						indicator: "green",
						message: __("The link was sent to {0} and is valid until {1}: {2}", [
							frappe.utils.escape_html(r.message.recipient),
							frappe.utils.escape_html(r.message.expires_on),
							frappe.utils.escape_html(r.message.link),
						]),
					});
					frm.reload_doc();
				},
			});
		},
		__("Send the Vacancy Request Form"),
		__("Send")
	);
}
