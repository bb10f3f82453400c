// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

{% include "citi_employment/public/js/companion_record.js" %}

const CANDIDATE_LIST_METHODS = "citi_employment.vacancies.candidate_list";
const INTERNAL_REQUIREMENTS_DOCTYPE = "Vacancy Internal Requirements";

frappe.ui.form.on("Vacancy Request", {
	refresh(frm) {
		render_candidates(frm);
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
	citi_employment.companion_record.open(frm, INTERNAL_REQUIREMENTS_DOCTYPE, {
		vacancy_request: frm.doc.name,
	});
}

function suggest_candidates(frm) {
	frappe.call({
		method: `${CANDIDATE_LIST_METHODS}.suggest_candidates`,
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
				method: `${CANDIDATE_LIST_METHODS}.add_candidates`,
				args: { vacancy_request: frm.doc.name, graduates: selected },
				freeze: true,
				callback: ({ message }) => {
					dialog.hide();
					confirm_added(message || {});
					frm.reload_doc();
				},
			});
		},
	});
	dialog.show();
}

// Who was added, who was refused (no consent to transfer data to employers) and who already was a candidate.
function confirm_added(result) {
	const names = (ids) =>
		(ids || []).map((id) => frappe.utils.escape_html(result.names?.[id] || id)).join(", ");
	const lines = [];
	if (result.added?.length) {
		lines.push(__("Added to the candidates: {0}.", [names(result.added)]));
	}
	if (result.refused?.length) {
		lines.push(
			__(
				"Not added: {0}. Their personal data consent does not allow transfer to employers.",
				[names(result.refused)]
			)
		);
	}
	if (result.already_proposed?.length) {
		lines.push(__("Already candidates for this request: {0}.", [names(result.already_proposed)]));
	}
	frappe.msgprint({
		title: __("Candidates"),
		message: lines.map((line) => `<p>${line}</p>`).join(""),
		indicator: result.refused?.length ? "orange" : "green",
	});
}

// The request's candidates with status and score; the status can be changed here by those who may.
function render_candidates(frm) {
	const field = frm.get_field("candidates_html");
	if (!field) {
		return;
	}
	if (frm.is_new()) {
		field.$wrapper.empty();
		return;
	}
	frappe.call({
		method: `${CANDIDATE_LIST_METHODS}.get_candidates`,
		args: { vacancy_request: frm.doc.name },
		callback: ({ message }) => show_candidate_list(frm, field.$wrapper, message || {}),
	});
}

function show_candidate_list(frm, $wrapper, data) {
	const rows = data.candidates || [];
	if (!rows.length) {
		$wrapper.html(
			`<p class="text-muted">${__("No candidates have been proposed for this request yet.")}</p>`
		);
		return;
	}
	const escape = frappe.utils.escape_html;
	const status_cell = (row) => {
		if (!data.can_change_status) {
			return escape(__(row.status));
		}
		const options = data.statuses
			.map(
				(status) =>
					`<option value="${escape(status)}" ${status === row.status ? "selected" : ""}>${escape(
						__(status)
					)}</option>`
			)
			.join("");
		return `<select class="form-control input-xs candidate-status" data-candidate="${escape(
			row.name
		)}">${options}</select>`;
	};
	const body = rows
		.map(
			(row) => `<tr>
				<td>${frappe.utils.get_form_link(
					"Vacancy Candidate",
					row.name,
					true,
					escape(row.graduate_name || row.graduate)
				)}</td>
				<td>${status_cell(row)}</td>
				<td>${escape(frappe.datetime.str_to_user(row.status_date) || "")}</td>
				<td class="text-right">${cint(row.score)}</td>
			</tr>`
		)
		.join("");
	$wrapper.html(`<table class="table table-bordered table-hover candidate-list">
		<thead><tr>
			<th>${__("Graduate Name")}</th>
			<th style="width: 25%">${__("Status")}</th>
			<th style="width: 15%">${__("Status Date")}</th>
			<th style="width: 10%" class="text-right">${__("Score")}</th>
		</tr></thead>
		<tbody>${body}</tbody>
	</table>`);
	$wrapper.find("select.candidate-status").on("change", function () {
		frappe.call({
			method: `${CANDIDATE_LIST_METHODS}.set_candidate_status`,
			args: { candidate: $(this).data("candidate"), status: $(this).val() },
			callback: () => {
				frappe.show_alert({ message: __("Candidate status changed"), indicator: "green" });
				render_candidates(frm);
			},
			// A refusal was shown by the server; the list goes back to what is stored.
			error: () => render_candidates(frm),
		});
	});
}
