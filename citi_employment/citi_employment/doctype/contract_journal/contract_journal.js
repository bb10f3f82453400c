// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

frappe.ui.form.on("Contract Journal", {
	refresh(frm) {
		if (frm.is_new()) {
			return;
		}
		frm.add_custom_button(__("Print Register"), () => {
			frappe.prompt(
				{
					fieldname: "year",
					fieldtype: "Int",
					label: __("Year"),
					reqd: 1,
					default: new Date().getFullYear(),
				},
				(values) => {
					const params = new URLSearchParams({
						doctype: frm.doctype,
						name: frm.doc.name,
						// The register book's print format (CONTRACT_REGISTER_FORM, domain/paper_forms.py).
						format: "Журнал регистрации договоров",
						no_letterhead: 1,
						year: values.year,
					});
					window.open(`/printview?${params.toString()}`);
				},
				__("Print Register"),
				__("Print")
			);
		});
	},
});
