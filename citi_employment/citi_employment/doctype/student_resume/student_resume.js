// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

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
				method: "citi_employment.citi_employment.doctype.student_resume.student_resume.get_prefill",
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
	if (frm.is_dirty()) {
		frappe.msgprint(__("Save the resume first: the saved version is sent."));
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
					"The resume is sent as PDF to the employer's email, if the graduate's consent allows it."
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
					frappe.msgprint({
						title: __("Resume Sent"),
						indicator: "green",
						message: __(
							"The resume is queued for sending to {0}. Transfer logged as {1}.",
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

function send_dossier_to_employer(frm) {
	if (frm.is_dirty()) {
		frappe.msgprint(__("Save the resume first: the saved version is sent."));
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
					"One PDF with the Center's cover letter, this resume and the graduate's approved mentor recommendation is sent to the employer's email, if the graduate's consent allows it."
				),
			},
		],
		(values) => {
			frappe
				.call({
					method: "citi_employment.dossier.sending.send_dossier",
					args: { student_resume: frm.doc.name, employer: values.employer },
					freeze: true,
					freeze_message: __("Sending..."),
				})
				.then((r) => {
					if (!r.message) {
						return;
					}
					frappe.msgprint({
						title: __("Dossier Sent"),
						indicator: "green",
						message: __(
							"The dossier {0} is queued for sending to {1}. Transfer logged as {2}.",
							[
								frappe.format(r.message.dossier, {
									fieldtype: "Link",
									options: "Employer Dossier",
								}),
								frappe.format(values.employer, {
									fieldtype: "Link",
									options: "Employer",
								}),
								frappe.format(r.message.transfer, {
									fieldtype: "Link",
									options: "Personal Data Transfer",
								}),
							]
						),
					});
				});
		},
		__("Send Dossier"),
		__("Send")
	);
}
