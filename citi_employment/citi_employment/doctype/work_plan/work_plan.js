// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

frappe.ui.form.on("Work Plan", {
	refresh(frm) {
		render_execution_summary(frm);
	},
});

// The counts are the server's (WorkPlan.onload): overdue depends on today's date, not on the last save.
function render_execution_summary(frm) {
	const field = frm.get_field("execution_summary");
	const summary = frm.doc.__onload?.execution_summary;
	if (!field || !summary || frm.is_new()) {
		return;
	}
	const cell = (label, value, colour) =>
		`<div class="col-sm-3">
			<span class="indicator-pill ${colour}">${frappe.utils.escape_html(label)}: ${cint(value)}</span>
		</div>`;
	let html = `<div class="row">
		${cell(__("Done"), summary.done, "green")}
		${cell(__("In Progress"), summary.in_progress, "blue")}
		${cell(__("Overdue"), summary.overdue, summary.overdue ? "red" : "gray")}
		${cell(__("Items"), summary.total, "gray")}
	</div>`;
	if (summary.overdue_items?.length) {
		const numbers = summary.overdue_items.map((idx) => `№${cint(idx)}`).join(", ");
		html += `<p class="text-muted small" style="margin-top: var(--margin-sm);">
			${frappe.utils.escape_html(__("Overdue items: {0}", [numbers]))}
		</p>`;
	}
	field.$wrapper.html(html);
}
