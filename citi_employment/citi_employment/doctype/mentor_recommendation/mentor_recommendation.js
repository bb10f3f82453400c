// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

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
	if (frm.is_dirty()) {
		frappe.msgprint(__("Save the recommendation first: the saved version is sent."));
		return;
	}
	frappe.prompt(
		[
			{
				fieldname: "employer",
				fieldtype: "Link",
				options: "Employer",
				label: __("Employer"),
				reqd: 1,
				description: __(
					"The recommendation is sent as PDF to the employer's email, if the graduate's consent allows it."
				),
			},
		],
		(values) => {
			frappe
				.call({
					method: "citi_employment.personal_data.sharing.send_to_employer",
					args: {
						graduate: frm.doc.graduate,
						employer: values.employer,
						document_type: frm.doctype,
						document_name: frm.doc.name,
					},
					freeze: true,
					freeze_message: __("Sending..."),
				})
				.then((r) => {
					if (!r.message) {
						return;
					}
					frm.reload_doc();
					frappe.msgprint({
						title: __("Recommendation Sent"),
						indicator: "green",
						message: __(
							"The recommendation is queued for sending to {0}. Transfer logged as {1}.",
							[
								frappe.format(values.employer, {
									fieldtype: "Link",
									options: "Employer",
								}),
								frappe.format(r.message, {
									fieldtype: "Link",
									options: "Personal Data Transfer",
								}),
							]
						),
					});
				});
		},
		__("Send to Employer"),
		__("Send")
	);
}
