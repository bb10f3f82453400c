# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate

from citi_employment.domain import consents as rules
from citi_employment.domain.consents import ConsentError
from citi_employment.domain.dates import date_or_none
from citi_employment.domain.errors import FieldError, Reason
from citi_employment.domain.graduate import REPRESENTATIVE_BASIS_CITATION
from citi_employment.domain.russian_text import initials_and_surname
from citi_employment.personal_data.consents import (
	get_consent_states,
	refresh_consent_status,
	throw_consent_error,
	to_state,
)
from citi_employment.roles import EMPLOYMENT_CENTER_HEAD, PERSONAL_DATA_ROLES
from citi_employment.write_guards.field_errors import throw_field_errors, validate_period

CATEGORY_DOCTYPE = "Personal Data Category"
PERSONAL_DATA_DOCTYPE = "Graduate Personal Data"
SETTINGS_DOCTYPE = "Employment Center Settings"
# Printed in the Russian consent as the second information resource (not UI text, so not translated).
SOCIAL_NETWORKS = "Официальные страницы ГАНПОУ ЛО «МЦ СиТИ» в социальных сетях"


class PersonalDataConsent(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from citi_employment.citi_employment.doctype.consent_data_category.consent_data_category import (
			ConsentDataCategory,
		)
		from citi_employment.citi_employment.doctype.consent_dissemination_item.consent_dissemination_item import (
			ConsentDisseminationItem,
		)

		amended_from: DF.Link | None
		data_categories: DF.TableMultiSelect[ConsentDataCategory]
		destroyed_on: DF.Date | None
		destruction_act: DF.Link | None
		destruction_due_on: DF.Date | None
		dissemination_items: DF.Table[ConsentDisseminationItem]
		graduate: DF.Link
		graduate_name: DF.Data | None
		kind: DF.Literal["Processing", "Dissemination"]
		published_resources: DF.SmallText | None
		purposes: DF.SmallText | None
		representative: DF.Data | None
		representative_address: DF.SmallText | None
		representative_basis: DF.Literal["", "Parent", "Adoptive Parent", "Guardian", "Custodian"]
		revocation_received_on: DF.Date | None
		signed_on: DF.Date
		signer: DF.Literal["Data Subject", "Legal Representative"]
		status: DF.Literal["Draft", "Active", "Superseded", "Revoked", "Expired", "Cancelled"]
		superseded_by: DF.Link | None
		transfer_conditions: DF.SmallText | None
		transfer_to_employers: DF.Check
		transfer_to_labour_committee: DF.Check
		valid_until: DF.Date | None
	# end: auto-generated types

	def onload(self):
		"""What the form offers this user; the whitelisted revoke and destroy check it all again."""
		roles = set(frappe.get_roles())
		signed = self.docstatus == 1
		self.set_onload(
			"can_revoke",
			signed and rules.is_revocable(self.status) and bool(roles & set(PERSONAL_DATA_ROLES)),
		)
		self.set_onload(
			"can_destroy",
			signed and rules.awaits_destruction(to_state(self)) and EMPLOYMENT_CENTER_HEAD in roles,
		)

	def validate(self):
		self.set_representative_defaults()
		self.set_scope_defaults()
		self.validate_dates()
		self.validate_signer()
		if self.docstatus == 0:
			self.status = rules.DRAFT

	def before_submit(self):
		self.validate_new_consent_allowed()
		today = getdate()
		self.status = (
			rules.EXPIRED if rules.is_expired(date_or_none(self.valid_until), today) else rules.ACTIVE
		)

	def on_submit(self):
		self.supersede_others()
		refresh_consent_status(self.graduate)

	def before_cancel(self):
		try:
			rules.check_cancellable(self.status)
		except ConsentError as error:
			throw_consent_error(error)

	def on_cancel(self):
		self.db_set("status", rules.CANCELLED)
		refresh_consent_status(self.graduate)

	def print_context(self) -> frappe._dict:
		"""Values only the print formats need (through the ``citi_consent_print`` Jinja helper).

		Computed at print time, so the representative's document lines never reach the form or a Version.
		"""
		return frappe._dict(
			categories=self.category_wordings(),
			purposes=rules.purpose_lines(self.purposes),
			representative_document=self.representative_document(),
			dissemination_items=self.dissemination_rows(),
			basis_citation=REPRESENTATIVE_BASIS_CITATION.get(self.representative_basis or "", ""),
			representative_signature=signature_of(self.representative),
			transfers=transfer_phrases(self),
			subject=self.subject_contacts(),
		)

	# --- validation ---------------------------------------------------------------------------------

	def set_representative_defaults(self):
		"""A subject signs alone; a representative's details default to the graduate's first representative."""
		if self.signer != rules.LEGAL_REPRESENTATIVE:
			self.representative = self.representative_address = self.representative_basis = None
			return
		if self.representative or not self.graduate:
			return
		first = frappe.get_all(
			"Legal Representative",
			filters={"parent": self.graduate, "parenttype": "Graduate"},
			fields=["full_name", "address", "basis"],
			order_by="idx asc",
			limit=1,
		)
		if first:
			self.representative = first[0].full_name
			self.representative_address = self.representative_address or first[0].address
			self.representative_basis = self.representative_basis or first[0].basis

	def set_scope_defaults(self):
		if not self.purposes:
			self.purposes = rules.default_purposes(self.kind)
		if self.kind == rules.DISSEMINATION:
			self.data_categories = []
			self.transfer_to_employers = self.transfer_to_labour_committee = 0
			if not self.dissemination_items:
				for category in self.category_names():
					self.append("dissemination_items", {"category": category, "allowed": 0})
			if not self.published_resources:
				website = frappe.db.get_single_value(SETTINGS_DOCTYPE, "institution_website")
				self.published_resources = "\n".join(line for line in (website, SOCIAL_NETWORKS) if line)
		else:
			self.dissemination_items = []
			if not self.data_categories:
				for category in self.category_names():
					self.append("data_categories", {"category": category})

	def category_names(self) -> list[str]:
		"""Every category of the form the signer signs (the minor's form lacks a few lines)."""
		filters = {"in_minor_form": 1} if self.signer == rules.LEGAL_REPRESENTATIVE else {}
		return frappe.get_all(CATEGORY_DOCTYPE, filters=filters, pluck="name", order_by="sort_order asc")

	def validate_dates(self):
		if not self.signed_on:
			return
		try:
			rules.check_signed_on(getdate(self.signed_on), getdate())
		except ConsentError as error:
			throw_consent_error(error)
		validate_period(self, "signed_on", "valid_until")

	def validate_signer(self):
		date_of_birth = (
			frappe.db.get_value("Graduate", self.graduate, "date_of_birth") if self.graduate else None
		)
		if not (date_of_birth and self.signed_on):
			return
		try:
			rules.check_signer(self.signer, getdate(date_of_birth), getdate(self.signed_on))
		except ConsentError as error:
			throw_consent_error(error)
		except FieldError:
			throw_field_errors(self, [FieldError("signed_on", Reason.RANGE)])
		if self.signer == rules.LEGAL_REPRESENTATIVE and not (
			self.representative and self.representative_basis
		):
			frappe.throw(
				_("Enter the legal representative's full name and basis, as on the signed form."),
				title=_("Personal Data Consent"),
			)

	def validate_new_consent_allowed(self):
		others = [state for state in get_consent_states(self.graduate) if state.name != self.name]
		try:
			rules.check_new_consent_allowed(self.kind, others)
		except ConsentError as error:
			throw_consent_error(error)

	def supersede_others(self):
		if self.status != rules.ACTIVE:
			return
		for name in rules.consents_to_supersede(self.kind, self.name, get_consent_states(self.graduate)):
			frappe.db.set_value(self.doctype, name, {"status": rules.SUPERSEDED, "superseded_by": self.name})

	# --- printing -----------------------------------------------------------------------------------

	def category_wordings(self) -> list[str]:
		names = [row.category for row in self.data_categories]
		if not names:
			return []
		minor_form = self.signer == rules.LEGAL_REPRESENTATIVE
		rows = frappe.get_all(
			CATEGORY_DOCTYPE,
			filters={"name": ("in", names)},
			fields=["name", "wording", "minor_form_wording", "sort_order"],
			order_by="sort_order asc",
		)
		return [(minor_form and row.minor_form_wording) or row.wording for row in rows]

	def dissemination_rows(self) -> list[dict]:
		"""Items grouped as order №18 lists them: general, special categories, biometric data."""
		categories = {
			row.name: row
			for row in frappe.get_all(
				CATEGORY_DOCTYPE,
				filters={"name": ("in", [row.category for row in self.dissemination_items] or [""])},
				fields=["name", "wording", "legal_category", "sort_order"],
			)
		}
		order = {"General": 0, "Special": 1, "Biometric": 2}
		rows = []
		for item in self.dissemination_items:
			category = categories.get(item.category) or frappe._dict(
				wording=item.category, legal_category="General", sort_order=0
			)
			rows.append(
				frappe._dict(
					legal_category=category.legal_category or "General",
					wording=category.wording,
					allowed=item.allowed,
					conditions=item.conditions,
					key=(order.get(category.legal_category, 0), category.sort_order or 0, item.idx),
				)
			)
		return sorted(rows, key=lambda row: row.key)

	def subject_contacts(self) -> dict:
		"""The subject's contacts the dissemination consent must state (order №18, п. 1); not sensitive."""
		if not self.graduate:
			return {}
		fields = ["full_name", "phone", "email", "registration_address"]
		return frappe.db.get_value("Graduate", self.graduate, fields, as_dict=True) or {}

	def representative_document(self) -> dict | None:
		"""The representative's identity document from Graduate Personal Data, for its readers only.

		It is not stored on the consent: Frappe v15 sends the whole document in save responses and versions
		to everyone who can read the consent, so the document lines stay where only the Head and the
		Specialist can read them, matched by the representative's name.
		"""
		if self.signer != rules.LEGAL_REPRESENTATIVE or not (self.graduate and self.representative):
			return None
		try:
			if not frappe.db.exists(PERSONAL_DATA_DOCTYPE, self.graduate):
				return None
			if not frappe.has_permission(PERSONAL_DATA_DOCTYPE, "read", doc=self.graduate):
				return None
			rows = frappe.get_all(
				"Representative Identity Document",
				filters={"parent": self.graduate, "parenttype": PERSONAL_DATA_DOCTYPE},
				fields=["representative_name", "series", "number", "issued_by", "issued_on"],
				order_by="idx asc",
			)
		except Exception:
			# Nothing from the query may reach an error page or a log.
			return None
		wanted = normalise_name(self.representative)
		for row in rows:
			if normalise_name(row.representative_name) == wanted:
				return row
		return None


def signature_of(full_name: str | None) -> str:
	"""«А.П. Согласиева» from «Согласиева Анна Петровна» (surname first, as the form asks for the ФИО)."""
	parts = (full_name or "").split()
	if not parts:
		return ""
	return initials_and_surname(parts[0], parts[1] if len(parts) > 1 else None, " ".join(parts[2:]) or None)


def transfer_phrases(doc) -> str:
	"""The «передачу …» part of the form's list of actions, as far as the consent allows transfers."""
	recipients = []
	if doc.transfer_to_employers:
		recipients.append("потенциальным работодателям")
	if doc.transfer_to_labour_committee:
		recipients.append(
			"в Комитет по труду и занятости Ленинградской области (в целях статистического обобщения)"
		)
	return ("передачу " + ", ".join(recipients) + ", ") if recipients else ""


def normalise_name(value: str | None) -> str:
	return " ".join((value or "").replace("ё", "е").replace("Ё", "Е").lower().split())
