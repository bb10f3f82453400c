# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""«Рекомендации наставникам на рабочем месте/работодателям по сопровождению выпускника» (seed form).

Three sections have their own authors (psychologist, social pedagogue, teacher), the Center writes the rest
and the Head approves; an approved recommendation goes to an employer only through the consent-gated,
logged transfer. The rules live in ``domain.recommendations``, their Frappe side in
``citi_employment.recommendations``; this class only calls them at the right moments.
"""

import frappe
from frappe.model.document import Document

from citi_employment.domain.dates import date_or_none
from citi_employment.domain.recommendations import (
	birth_year,
	is_content_locked,
)
from citi_employment.recommendations import approval, authorship, sending
from citi_employment.write_guards.field_errors import validate_period

SETTINGS_DOCTYPE = "Employment Center Settings"


class MentorRecommendation(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from citi_employment.citi_employment.doctype.recommendation_action.recommendation_action import (
			RecommendationAction,
		)

		attitude_to_work: DF.SmallText | None
		birth_year: DF.Data | None
		cognitive_sphere: DF.SmallText | None
		communicative_sphere: DF.SmallText | None
		community_skills: DF.SmallText | None
		competence_level: DF.SmallText | None
		conclusions: DF.Table[RecommendationAction]
		consilium_employment: DF.SmallText | None
		consilium_living: DF.SmallText | None
		current_residence: DF.SmallText | None
		deputy_director_name: DF.Data | None
		emotional_sphere: DF.SmallText | None
		everyday_skills: DF.SmallText | None
		full_name: DF.Data | None
		graduate: DF.Link
		group_code: DF.Data | None
		independence: DF.SmallText | None
		learning_progress: DF.SmallText | None
		program_module: DF.SmallText | None
		psychologist_name: DF.Data | None
		social_pedagogue_name: DF.Data | None
		status: DF.Literal["Draft", "Ready for Review", "Approved", "Sent"]
		study_end: DF.Date | None
		study_start: DF.Date | None
		teacher_name: DF.Data | None
		time_space_orientation: DF.SmallText | None
	# end: auto-generated types

	def onload(self):
		# The form shows Send to Employer from this flag; the transfer decides again when it is pressed.
		self.set_onload("can_send_to_employer", sending.can_send(self))

	def validate_higher_perm_levels(self):
		# Before the framework silently puts back what the user may not write: refuse it instead.
		authorship.refuse_unwritable_sections(self)
		super().validate_higher_perm_levels()

	def validate(self):
		approval.validate_transition(self)
		approval.validate_approved_content(self)
		self.validate_study_period()
		self.set_birth_year()
		self.set_default_signatory()

	def validate_study_period(self):
		validate_period(self, "study_start", "study_end")

	def set_birth_year(self):
		"""The header's «… г.р.»: the year only, from the graduate's card; kept as approved once approved."""
		before = self.get_doc_before_save()
		if before and is_content_locked(before.status):
			return
		date_of_birth = frappe.db.get_value("Graduate", self.graduate, "date_of_birth")
		self.birth_year = birth_year(date_or_none(date_of_birth))

	def set_default_signatory(self):
		"""The deputy director for employment signs every recommendation; Settings knows their name."""
		if self.is_new() and not self.deputy_director_name:
			self.deputy_director_name = frappe.db.get_single_value(SETTINGS_DOCTYPE, "deputy_director_name")

	# Called around the transfer by personal_data.sharing.send_to_employer and dossier.sending.send_dossier.
	def before_transfer(self):
		sending.check_sendable(self)

	def after_transfer(self, transfer: str):
		sending.mark_sent(self)
