"""Give the app's print formats on an existing site the Russian names of their paper forms (issue 10).

Runs before the model sync: renamed first, the records are the ones the sync then updates from the renamed
folders; after it, the sync would already have made a second record under each new name. ``rename_doc``
carries the references along: link fields (Notification, Auto Repeat, Web Form), user settings and the
Property Setter that makes a format a DocType's default.

The names are written out here, not imported: this is the step from these names to those, whatever the app
calls its formats later.
"""

import frappe

PRINT_FORMAT = "Print Format"
RENAMES = {
	"Employment Assistance Application Form": "Заявление о содействии в трудоустройстве",
	"Student Resume Form": "Резюме обучающегося",
	"Vacancy Request Form": "Заявка от потенциального работодателя о потребности в работнике",
	"Personal Data Consent Adult": "Согласие на обработку персональных данных",
	"Personal Data Consent Minor": (
		"Согласие законного представителя на обработку персональных данных несовершеннолетнего"
	),
	"Personal Data Dissemination Consent": "Согласие на распространение персональных данных",
	"Personal Data Destruction Act": "Акт об уничтожении персональных данных",
	"Contract Register": "Журнал регистрации договоров",
	# Never released under these names: only development sites synced them while the DocTypes were written.
	"Mentor Recommendation Form": "Рекомендации наставникам по сопровождению выпускника",
	"Work Plan Form": "План работы",
}
MODULE = "Citi Employment"


def execute():
	for old, new in RENAMES.items():
		# Only the app's own record: a site's format of another module with one of these names stays as it is.
		if frappe.db.get_value(PRINT_FORMAT, old, "module") != MODULE:
			continue
		frappe.rename_doc(
			PRINT_FORMAT,
			old,
			new,
			# Both exist only if a sync ran before this patch: the references move to the new one, the old goes.
			merge=bool(frappe.db.exists(PRINT_FORMAT, new)),
			force=True,
			show_alert=False,
			rebuild_search=False,
		)
