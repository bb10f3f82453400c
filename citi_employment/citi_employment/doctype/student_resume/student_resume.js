// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

{% include "citi_employment/public/js/send_to_employer.js" %}

frappe.ui.form.on("Student Resume", {
	refresh(frm) {
		if (frm.is_new() || !frm.doc.graduate) {
			return;
		}
		// The server says whether this user may send the resume; the sending checks role and consent again.
		if ((frm.doc.__onload || {}).can_send_to_employer) {
			frm.add_custom_button(__("Send to Employer"), () => send_resume_to_employer(frm));
		}
		// The server says whether this user may send a dossier; the sending checks everything again.
		if ((frm.doc.__onload || {}).can_send_dossier) {
			frm.add_custom_button(__("Send Dossier"), () => send_dossier_to_employer(frm));
		}
	},
	graduate(frm) {
		// The server adds the same row on insert; showing it now lets staff correct it before saving.
		if (!frm.is_new() || !frm.doc.graduate || (frm.doc.education || []).length) {
			return;
		}
		frappe
			.call({
				method: "citi_employment.resumes.prefill.get_prefill",
				args: { graduate: frm.doc.graduate },
			})
			.then((r) => {
				const row = r.message && r.message.education;
				if (row && !(frm.doc.education || []).length) {
					frm.add_child("education", row);
					frm.refresh_field("education");
				}
			});
	},
});

function send_resume_to_employer(frm) {
	citi_employment.sending.send_document(frm, {
		unsaved: __("Save the resume first: the saved version is sent."),
		description: __(
			"The resume is sent as PDF to the employer's email, if the graduate's consent allows it."
		),
		sent_title: __("Resume Sent"),
		queued: (employer, transfer) =>
			__("The resume is queued for sending to {0}. Transfer logged as {1}.", [employer, transfer]),
	});
}

function send_dossier_to_employer(frm) {
	const sending = citi_employment.sending;
	sending.ask_employer(frm, {
		unsaved: __("Save the resume first: the saved version is sent."),
		description: __(
			"One PDF with the Center's cover letter, this resume and the graduate's approved mentor recommendation is sent to the employer's email, if the graduate's consent allows it."
		),
		title: __("Send Dossier"),
		method: "citi_employment.dossier.sending.send_dossier",
		args: (employer) => ({ student_resume: frm.doc.name, employer }),
		sent_title: __("Dossier Sent"),
		sent_message: (employer, sent) =>
			__("The dossier {0} is queued for sending to {1}. Transfer logged as {2}.", [
				sending.link(sent.dossier, "Employer Dossier"),
				sending.link(employer, "Employer"),
				sending.link(sent.transfer, "Personal Data Transfer"),
			]),
	});
}
