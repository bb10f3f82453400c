// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

const PLAN_ITEMS_METHOD = "citi_employment.work_plan.progress.plan_items";

frappe.ui.form.on("Center Event", {
	refresh(frm) {
		load_plan_items(frm);
	},
	work_plan(frm) {
		frm.set_value("work_plan_item", null);
		load_plan_items(frm);
	},
});

// The item picker offers the plan's rows as «№3. activity»; the server checks the choice belongs to the plan.
function load_plan_items(frm) {
	const field = frm.get_field("work_plan_item");
	if (!frm.doc.work_plan) {
		field.set_data([]);
		return;
	}
	frappe.call({
		method: PLAN_ITEMS_METHOD,
		args: { work_plan: frm.doc.work_plan },
		callback: ({ message }) => {
			field.set_data(message || []);
			frm.refresh_field("work_plan_item");
		},
	});
}
