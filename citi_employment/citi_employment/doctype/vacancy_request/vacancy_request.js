// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

const VACANCY_METHODS = "citi_employment.citi_employment.doctype.vacancy_request.vacancy_request";
const INTERNAL_REQUIREMENTS_DOCTYPE = "Vacancy Internal Requirements";

frappe.ui.form.on("Vacancy Request", {
	refresh(frm) {
		if (frm.is_new()) {
			return;
		}
		// The server says only whether the user may read the age and gender wishes; they stay in their own DocType.
		if (frm.doc.__onload?.can_read_internal_requirements) {
			frm.add_custom_button(__("Internal Requirements"), () =>
				open_internal_requirements(frm)
			);
		}
		if (frm.has_perm("write")) {
			frm.add_custom_button(__("Suggest Candidates"), () => suggest_candidates(frm));
		}
	},
});

function open_internal_requirements(frm) {
	// Vacancy Internal Requirements is named after its request (1:1).
	frappe.db.exists(INTERNAL_REQUIREMENTS_DOCTYPE, frm.doc.name).then((exists) => {
		if (exists) {
			frappe.set_route("Form", INTERNAL_REQUIREMENTS_DOCTYPE, frm.doc.name);
			return;
		}
		frappe.model.with_doctype(INTERNAL_REQUIREMENTS_DOCTYPE, () => {
			const requirements = frappe.model.get_new_doc(INTERNAL_REQUIREMENTS_DOCTYPE);
			requirements.vacancy_request = frm.doc.name;
			frappe.set_route("Form", INTERNAL_REQUIREMENTS_DOCTYPE, requirements.name);
		});
	});
}

function suggest_candidates(frm) {
	frappe.call({
		method: `${VACANCY_METHODS}.suggest_candidates`,
		args: { vacancy_request: frm.doc.name },
		freeze: true,
		callback: ({ message }) => show_suggestions(frm, message || []),
	});
}

function show_suggestions(frm, suggestions) {
	if (!suggestions.length) {
		frappe.msgprint(__("No graduates are seeking employment for this request."));
		return;
	}
	const dialog = new frappe.ui.Dialog({
		title: __("Suggested Candidates"),
		size: "extra-large",
		fields: [
			{
				fieldname: "suggestions",
				fieldtype: "Table",
				cannot_add_rows: true,
				cannot_delete_rows: true,
				in_place_edit: false,
				data: suggestions.map((row) => ({
					graduate: row.graduate,
					graduate_name: row.graduate_name,
					score: row.score,
					explanation: row.explanation.join("; "),
				})),
				fields: [
					{
						fieldname: "graduate",
						fieldtype: "Link",
						options: "Graduate",
						label: __("Graduate"),
						in_list_view: 1,
						read_only: 1,
						columns: 2,
					},
					{
						fieldname: "graduate_name",
						fieldtype: "Data",
						label: __("Graduate Name"),
						in_list_view: 1,
						read_only: 1,
						columns: 2,
					},
					{
						fieldname: "score",
						fieldtype: "Int",
						label: __("Score"),
						in_list_view: 1,
						read_only: 1,
						columns: 1,
					},
					{
						fieldname: "explanation",
						fieldtype: "Small Text",
						label: __("Score Explanation"),
						in_list_view: 1,
						read_only: 1,
						columns: 5,
					},
				],
			},
		],
		primary_action_label: __("Add Selected"),
		primary_action() {
			const selected = dialog.fields_dict.suggestions.grid
				.get_selected_children()
				.map((row) => row.graduate);
			if (!selected.length) {
				frappe.msgprint(__("Select at least one graduate."));
				return;
			}
			frappe.call({
				method: `${VACANCY_METHODS}.add_candidates`,
				args: { vacancy_request: frm.doc.name, graduates: selected },
				freeze: true,
				callback: () => {
					dialog.hide();
					frm.reload_doc();
				},
			});
		},
	});
	dialog.show();
}
