// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

// UI wiring only: the server says (onload flags) who may compute or correct, and refuses everything else.

frappe.ui.form.on("Annual Report", {
	refresh(frm) {
		if (frm.is_new()) {
			return;
		}
		show_intro(frm);
		const flags = frm.doc.__onload || {};
		if (flags.can_compute) {
			frm.add_custom_button(
				frm.doc.computed_at ? __("Compute Again") : __("Compute"),
				() => compute(frm)
			);
		}
		if (flags.can_correct) {
			frm.add_custom_button(__("Create Correction"), () => create_correction(frm));
		}
	},
});

function show_intro(frm) {
	if (frm.doc.status === "Superseded") {
		frm.set_intro(
			__("Superseded by {0}: these figures are no longer the year's figures.", [
				frm.doc.superseded_by,
			]),
			"orange"
		);
	} else if (["Approved", "Published"].includes(frm.doc.status)) {
		frm.set_intro(__("Approved by the Institution Director: the figures are frozen."), "green");
	} else if (frm.doc.status === "Pending Director Approval") {
		frm.set_intro(__("Waiting for the Institution Director's approval."), "orange");
	} else if (!frm.doc.computed_at) {
		frm.set_intro(__("Compute the figures of the year, then write the narrative."), "blue");
	}
}

function compute(frm) {
	const run = () =>
		frm
			.call({ method: "compute", doc: frm.doc, freeze: true, freeze_message: __("Computing...") })
			.then(() => frm.reload_doc());
	if (frm.is_dirty()) {
		frm.save().then(run);
	} else {
		run();
	}
}

function create_correction(frm) {
	frappe.prompt(
		{
			fieldname: "reason",
			fieldtype: "Small Text",
			label: __("Reason for the Correction"),
			reqd: 1,
		},
		(values) =>
			frm
				.call({ method: "create_correction", doc: frm.doc, args: { reason: values.reason } })
				.then((response) => frappe.set_route("Form", "Annual Report", response.message)),
		__("Create Correction"),
		__("Create")
	);
}
