// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

{% include "citi_employment/public/js/send_to_employer.js" %}

frappe.ui.form.on("Mentor Recommendation", {
	refresh(frm) {
		// The server says whether this user may send this recommendation now (approved, a sender's role);
		// the transfer checks the role, the state and the graduate's consent again when it runs.
		if (!frm.is_new() && (frm.doc.__onload || {}).can_send_to_employer) {
			frm.add_custom_button(__("Send to Employer"), () => send_recommendation_to_employer(frm));
		}
	},
});

function send_recommendation_to_employer(frm) {
	citi_employment.sending.send_document(frm, {
		unsaved: __("Save the recommendation first: the saved version is sent."),
		description: __(
			"The recommendation is sent as PDF to the employer's email, if the graduate's consent allows it."
		),
		after: (form) => form.reload_doc(),
		sent_title: __("Recommendation Sent"),
		queued: (employer, transfer) =>
			__("The recommendation is queued for sending to {0}. Transfer logged as {1}.", [employer, transfer]),
	});
}
