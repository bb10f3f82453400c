// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

// "Send to Employer" and "Send Dossier" of the resume and recommendation forms, written once: ask for the
// employer, send the saved version, say what was queued. A form script takes this file in with a
// Jinja-style include line naming this path (rendered by the framework when it serves the form script, see
// frappe.desk.form.meta.get_js; this comment must not spell the include out). The server checks role,
// state and consent again; this only asks and reports. Form scripts share one page: assigned, not declared.
frappe.provide("citi_employment.sending");

Object.assign(citi_employment.sending, {
	// `request`: unsaved (message), description (of the employer field), title, method, args(employer),
	// after(frm) (optional), sent_title and sent_message(employer, response) (the text of the confirmation).
	ask_employer(frm, request) {
		if (frm.is_dirty()) {
			frappe.msgprint(request.unsaved);
			return;
		}
		const employer_field = {
			fieldname: "employer",
			fieldtype: "Link",
			options: "Employer",
			label: __("Employer"),
			reqd: 1,
			description: request.description,
		};
		frappe.prompt(
			[employer_field],
			(values) => citi_employment.sending.send(frm, request, values.employer),
			request.title,
			__("Send")
		);
	},

	// The graduate's document itself (the form's own record), through the consent-checked transfer of
	// personal_data.sharing; `request.queued(employer, transfer)` words the confirmation from two links.
	send_document(frm, request) {
		const sending = citi_employment.sending;
		sending.ask_employer(
			frm,
			Object.assign(
				{
					title: __("Send to Employer"),
					method: "citi_employment.personal_data.sharing.send_to_employer",
					args: (employer) => ({
						graduate: frm.doc.graduate,
						employer,
						document_type: frm.doctype,
						document_name: frm.doc.name,
					}),
					sent_message: (employer, transfer) =>
						request.queued(
							sending.link(employer, "Employer"),
							sending.link(transfer, "Personal Data Transfer")
						),
				},
				request
			)
		);
	},

	send(frm, request, employer) {
		frappe
			.call({
				method: request.method,
				args: request.args(employer),
				freeze: true,
				freeze_message: __("Sending..."),
			})
			.then((r) => {
				if (!r.message) {
					return;
				}
				if (request.after) {
					request.after(frm);
				}
				frappe.msgprint({
					title: request.sent_title,
					indicator: "green",
					message: request.sent_message(employer, r.message),
				});
			});
	},

	link(value, doctype) {
		return frappe.format(value, { fieldtype: "Link", options: doctype });
	},
});
