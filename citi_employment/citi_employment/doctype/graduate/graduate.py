# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate

from citi_employment.domain import graduate as rules
from citi_employment.domain import monitoring as monitoring_rules
from citi_employment.domain.dates import date_or_none
from citi_employment.domain.errors import FieldError
from citi_employment.domain.identifiers import normalize_phone_ru
from citi_employment.domain.russian_text import compose_full_name
from citi_employment.monitoring.derived import latest_observation
from citi_employment.write_guards.field_errors import (
	collect_field_errors,
	throw_field_errors,
	validate_period,
)

PERSONAL_DATA_DOCTYPE = "Graduate Personal Data"
PLACEMENT_DOCTYPE = "Graduate Placement"


class Graduate(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from citi_employment.citi_employment.doctype.legal_representative.legal_representative import (
			LegalRepresentative,
		)

		actual_address: DF.SmallText | None
		age: DF.Int
		certificate_number: DF.Data | None
		consent_status: DF.Literal["No Consent", "Active", "Revoked", "Expired"]
		date_of_birth: DF.Date
		email: DF.Data | None
		employment_status: DF.Literal["Studying", "Seeking Employment", "Employed", "Not Seeking"]
		first_name: DF.Data
		full_name: DF.Data | None
		gender: DF.Literal["", "Male", "Female"]
		group_code: DF.Data | None
		is_minor: DF.Check
		last_name: DF.Data | None
		legal_representatives: DF.Table[LegalRepresentative]
		marital_status: DF.Literal["", "Single", "Married", "Divorced", "Widowed"]
		patronymic: DF.Data | None
		phone: DF.Data | None
		photo: DF.AttachImage | None
		profession: DF.Link | None
		program_name: DF.SmallText | None
		registration_address: DF.SmallText | None
		study_end: DF.Date | None
		study_start: DF.Date | None
	# end: auto-generated types

	def onload(self):
		# Only whether the button may be shown; the personal data itself never travels with the Graduate.
		self.set_onload("can_read_personal_data", can_read_personal_data())

	def validate(self):
		self.set_full_names()
		self.validate_identifiers()
		self.validate_date_of_birth()
		self.validate_study_period()
		self.set_age()
		self.employment_status = self.derive_employment_status()

	def on_update(self):
		self.warn_if_minor_without_representative()

	def on_trash(self):
		self.delete_personal_data()

	def set_full_names(self):
		self.full_name = compose_full_name(self.last_name, self.first_name, self.patronymic)
		for representative in self.legal_representatives:
			representative.full_name = compose_full_name(
				representative.last_name, representative.first_name, representative.patronymic
			)

	def validate_identifiers(self):
		errors = collect_field_errors(self, {"phone": normalize_phone_ru})
		row_errors = [
			(row, error)
			for row in self.legal_representatives
			for error in collect_field_errors(row, {"phone": normalize_phone_ru})
		]
		throw_field_errors(self, errors, row_errors)

	def validate_date_of_birth(self):
		if not self.date_of_birth:
			return  # Frappe's mandatory check reports it
		try:
			rules.check_date_of_birth(getdate(self.date_of_birth), current_date())
		except FieldError as error:
			throw_field_errors(self, [error])

	def validate_study_period(self):
		validate_period(self, "study_start", "study_end")

	def set_age(self):
		if not self.date_of_birth:
			return
		date_of_birth, on_date = getdate(self.date_of_birth), current_date()
		self.age = rules.age_on(date_of_birth, on_date)
		self.is_minor = int(rules.is_minor_on(date_of_birth, on_date))

	def warn_if_minor_without_representative(self):
		# A warning, not an error: the consent work refuses a minor's consent without a representative.
		if self.is_minor and not self.legal_representatives:
			frappe.msgprint(
				_("{0} is a minor: add a legal representative, who signs the personal data consent.").format(
					frappe.bold(self.full_name)
				),
				title=_("Legal Representative Missing"),
				indicator="orange",
			)

	def derive_employment_status(self) -> str:
		"""From the placements, and then from the latest monitoring check where that is newer (§6.2)."""
		today, placements = current_date(), self.get_placement_periods()
		status = rules.derive_employment_status(date_or_none(self.study_end), today, placements)
		observation = None if self.is_new() else latest_observation(self.name)
		return monitoring_rules.employment_status_with_observation(status, placements, observation, today)

	def get_placement_periods(self) -> list[rules.Placement]:
		"""Placements as (employment date, dismissal date); none for a new graduate or before a first migrate
		made the placements' table."""
		if self.is_new() or not frappe.db.table_exists(PLACEMENT_DOCTYPE):
			return []
		rows = frappe.get_all(
			PLACEMENT_DOCTYPE,
			filters={"graduate": self.name, "docstatus": ("<", 2)},
			fields=["employment_date", "dismissal_date"],
		)
		return [
			rules.Placement(getdate(row.employment_date), date_or_none(row.dismissal_date))
			for row in rows
			if row.employment_date
		]

	def refresh_employment_status(self) -> str:
		"""Recompute the status after a placement changed or the study end passed; saves only a change."""
		status = self.derive_employment_status()
		if status != self.employment_status:
			self.db_set("employment_status", status, notify=True)
		return status

	def delete_personal_data(self):
		"""Delete the 1:1 personal data record with the graduate.

		The deleter need not be able to read personal data, so permissions are ignored here — but only after
		Frappe checked delete rights on the Graduate (or the caller deliberately ignored them). Deleted
		permanently: a copy in Deleted Document would be readable by the System Manager.
		"""
		if not self.flags.ignore_permissions:
			self.check_permission("delete")
		for name in frappe.get_all(PERSONAL_DATA_DOCTYPE, filters={"graduate": self.name}, pluck="name"):
			frappe.delete_doc(PERSONAL_DATA_DOCTYPE, name, ignore_permissions=True, delete_permanently=True)


def current_date():
	"""Today in the site's time zone (tests freeze it with ``FrappeTestCase.freeze_time``)."""
	return getdate()


def can_read_personal_data(user: str | None = None) -> bool:
	return bool(frappe.has_permission(PERSONAL_DATA_DOCTYPE, "read", user=user))


def on_doctype_update():
	"""A study group's graduates, newest first (the list's group filter): with group_code alone MariaDB keeps
	reading the modified index and goes through a third of the region (issue 14 benchmarks)."""
	frappe.db.add_index("Graduate", ["group_code", "modified"], "group_code_modified")
