"""The Center's paper forms: the print format of each, named as staff know the paper (issue 10).

A name here is the Print Format record's name, so the print view shows it as it is, in Russian, with nothing
to translate. The framework reads a standard format's template from ``print_format/<scrub(name)>/``, so each
name is also its folder's name: a change here is a change of folder, and of the rename patch for sites that
have the old name (``citi_employment/patches``).
"""

APPLICATION_FORM = "Заявление о содействии в трудоустройстве"
RESUME_FORM = "Резюме обучающегося"
VACANCY_REQUEST_FORM = "Заявка от потенциального работодателя о потребности в работнике"
CONSENT_ADULT_FORM = "Согласие на обработку персональных данных"
CONSENT_MINOR_FORM = "Согласие законного представителя на обработку персональных данных несовершеннолетнего"
CONSENT_DISSEMINATION_FORM = "Согласие на распространение персональных данных"
# A consent is printed on one of the three forms above, by its kind and signer: this format prints the right one.
CONSENT_FORM = "Согласие по виду и подписанту"
DESTRUCTION_ACT_FORM = "Акт об уничтожении персональных данных"
CONTRACT_REGISTER_FORM = "Журнал регистрации договоров"
MENTOR_RECOMMENDATION_FORM = "Рекомендации наставникам по сопровождению выпускника"
WORK_PLAN_FORM = "План работы"
ANNUAL_REPORT_FORM = "Годовой отчёт о выполнении плана работы"

# DocType → the format its print view opens with (the DocType's ``default_print_format``).
DEFAULT_FORMS: dict[str, str] = {
	"Employment Assistance Application": APPLICATION_FORM,
	"Student Resume": RESUME_FORM,
	"Vacancy Request": VACANCY_REQUEST_FORM,
	"Personal Data Consent": CONSENT_FORM,
	"Personal Data Destruction Act": DESTRUCTION_ACT_FORM,
	"Contract Journal": CONTRACT_REGISTER_FORM,
	"Mentor Recommendation": MENTOR_RECOMMENDATION_FORM,
	"Work Plan": WORK_PLAN_FORM,
	"Annual Report": ANNUAL_REPORT_FORM,
}
