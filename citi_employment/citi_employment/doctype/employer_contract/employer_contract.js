// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

frappe.ui.form.on("Employer Contract", {
	refresh(frm) {
		if (frm.doc.status === "Pending Director Approval") {
			frm.set_intro(__("Waiting for the Institution Director's approval."), "orange");
		} else if (frm.doc.registration_number) {
			frm.set_intro(
				__("Registered in the journal under No. {0}.", [frm.doc.registration_number]),
				"blue"
			);
		}
	},
});
