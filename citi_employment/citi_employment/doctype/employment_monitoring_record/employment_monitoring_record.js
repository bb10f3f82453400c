// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

frappe.ui.form.on("Employment Monitoring Record", {
	setup(frm) {
		// "Working elsewhere" names another employer than the placement's (the server refuses it too).
		frm.set_query("outcome_employer", () => ({
			filters: frm.doc.employer ? { name: ["!=", frm.doc.employer] } : {},
		}));
	},
	refresh(frm) {
		// §6.2: the employer answers a due check through a single-use link (citi_employment/employer_forms/).
		if (!frm.is_new() && ["Due", "Overdue"].includes(frm.doc.status) && frm.perm[0] && frm.perm[0].write) {
			frm.add_custom_button(__("Ask the Employer"), () => ask_the_employer(frm));
		}
	},
});

function ask_the_employer(frm) {
	frappe.prompt(
		[
			{
				fieldname: "recipient",
				fieldtype: "Data",
				options: "Email",
				label: __("Recipient Email"),
				description: __("Leave empty to send it to the employer's e-mail"),
			},
		],
		(values) => {
			frappe.call({
				method: "citi_employment.employer_forms.feedback.send_feedback_request",
				args: { record: frm.doc.name, recipient: values.recipient || "" },
				freeze: true,
				callback: (r) => {
					if (!r.message) return;
					frappe.show_alert({
						indicator: "green",
						message: __("The feedback request was sent to {0}; the link is valid until {1}.", [
							frappe.utils.escape_html(r.message.recipient),
							frappe.utils.escape_html(r.message.expires_on),
						]),
					});
					frm.reload_doc();
				},
			});
		},
		__("Ask the Employer"),
		__("Send")
	);
}
