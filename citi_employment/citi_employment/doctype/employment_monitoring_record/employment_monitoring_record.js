// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

frappe.ui.form.on("Employment Monitoring Record", {
	setup(frm) {
		// "Working elsewhere" names another employer than the placement's (the server refuses it too).
		frm.set_query("outcome_employer", () => ({
			filters: frm.doc.employer ? { name: ["!=", frm.doc.employer] } : {},
		}));
	},
});
