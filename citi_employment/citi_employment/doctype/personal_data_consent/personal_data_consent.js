// Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
// For license information, please see license.txt

// UI wiring only: the rules live in citi_employment.domain.consents and the whitelisted methods.

// A read-only Table MultiSelect (a signed consent) shows each category in a Bootstrap .text-nowrap span, whose
// nowrap is !important, and the form's long category names («сведения о состоянии здоровья, наличии группы
// инвалидности …») ran out of their box. They wrap inside it.
const WRAPPED_CATEGORIES_CSS = `
.frappe-control[data-fieldname="data_categories"] .control-value .text-nowrap { white-space: normal !important; }
.frappe-control[data-fieldname="data_categories"] .control-value { overflow-wrap: anywhere; }
`;

frappe.ui.form.on("Personal Data Consent", {
	onload() {
		frappe.dom.set_style(WRAPPED_CATEGORIES_CSS, "citi-consent-categories");
	},
	refresh(frm) {
		if (frm.doc.docstatus !== 1) {
			return;
		}
		// The server says what this user may do with the consent; the methods check it all again.
		const allowed = frm.doc.__onload || {};
		if (allowed.can_revoke) {
			frm.add_custom_button(__("Revoke Consent"), () => revoke(frm), __("Actions"));
		}
		if (allowed.can_destroy) {
			frm.add_custom_button(__("Destroy Personal Data"), () => destroy(frm), __("Actions"));
		}
	},
});

function revoke(frm) {
	frappe.prompt(
		[
			{
				fieldname: "received_on",
				fieldtype: "Date",
				label: __("Revocation received on"),
				default: frappe.datetime.get_today(),
				reqd: 1,
			},
		],
		(values) => {
			frappe
				.call("citi_employment.personal_data.consents.revoke", {
					consent: frm.doc.name,
					received_on: values.received_on,
				})
				.then((r) => {
					if (r.message && !r.message.changed) {
						frappe.show_alert(__("The consent was already revoked; nothing changed."));
					}
					frm.reload_doc();
				});
		},
		__("Revoke Consent"),
		__("Revoke Consent")
	);
}

function destroy(frm) {
	const due = frm.doc.destruction_due_on;
	const early = due && frappe.datetime.get_today() < due;
	const fields = early
		? [
				{
					fieldname: "confirm_early",
					fieldtype: "Check",
					label: __(
						"I confirm the early destruction of this graduate's personal data. This cannot be undone."
					),
				},
		  ]
		: [];
	frappe.prompt(
		fields,
		(values) => {
			// A Check field is never "missing", so the dialog cannot enforce the confirmation itself.
			if (early && !values.confirm_early) {
				frappe.msgprint(
					__("Tick the confirmation to destroy the data before the due date.")
				);
				return;
			}
			frappe
				.call("citi_employment.personal_data.destruction.destroy", {
					consent: frm.doc.name,
					confirm_early: values.confirm_early ? 1 : 0,
				})
				.then((r) => {
					frappe.show_alert(__("Personal data destroyed: act {0}", [r.message]));
					frm.reload_doc();
				});
		},
		early ? __("Destroy before the due date") : __("Destroy Personal Data"),
		__("Destroy")
	);
}
