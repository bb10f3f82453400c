# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.contacts.address_and_contact import delete_contact_and_address, load_address_and_contact
from frappe.model.document import Document
from frappe.utils import cint, get_link_to_form, getdate

from citi_employment.domain.employer import (
	EmployerIdentifiers,
	find_similar_names,
	founding_year_errors,
	name_search_prefix,
	non_negative_count_errors,
	normalize_company_name,
	normalize_employer_identifiers,
)
from citi_employment.domain.identifiers import normalize_phone_ru
from citi_employment.write_guards.field_errors import collect_field_errors, throw_field_errors


class DuplicateEmployerINNError(frappe.ValidationError):
	pass


class Employer(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		accessibility_notes: DF.Text | None
		activity: DF.SmallText | None
		email: DF.Data | None
		founding_year: DF.Int
		full_name: DF.SmallText
		head_name: DF.Data | None
		inn: DF.Data | None
		kpp: DF.Data | None
		last_contact_on: DF.Date | None
		name_key: DF.Data | None
		ogrn: DF.Data | None
		phone: DF.Data | None
		quota_positions: DF.Int
		region: DF.Literal["", "Saint Petersburg", "Leningrad Oblast", "Other"]
		short_name: DF.Data
		special_workplaces: DF.Int
		status: DF.Literal["Potential", "Active Partner", "Inactive"]
		website: DF.Data | None
	# end: auto-generated types

	def onload(self):
		load_address_and_contact(self)

	def validate(self):
		self.validate_field_values()
		self.validate_unique_inn()
		self.name_key = normalize_company_name(self.short_name)
		if self.is_new() or self.has_value_changed("short_name") or self.has_value_changed("full_name"):
			self.warn_about_similar_employers()

	def on_trash(self):
		delete_contact_and_address(self.doctype, self.name)

	def validate_field_values(self):
		"""Normalise the identifiers and the phone; report every invalid field at once (never a value)."""
		identifiers, errors = normalize_employer_identifiers(
			EmployerIdentifiers(inn=self.inn, ogrn=self.ogrn, kpp=self.kpp)
		)
		errors += collect_field_errors(self, {"phone": normalize_phone_ru})
		errors += founding_year_errors(cint(self.founding_year), getdate().year)
		errors += non_negative_count_errors(
			{
				"quota_positions": cint(self.quota_positions),
				"special_workplaces": cint(self.special_workplaces),
			}
		)
		throw_field_errors(self, errors)
		# Stored as NULL when empty: the unique index on ИНН must not treat every blank as a duplicate.
		self.inn, self.ogrn, self.kpp = identifiers.inn, identifiers.ogrn, identifiers.kpp

	def validate_unique_inn(self):
		"""One employer per ИНН; the message names the existing record (an employer's ИНН is public)."""
		if not self.inn:
			return
		existing = frappe.db.get_value(
			"Employer",
			{"inn": self.inn, "name": ("!=", self.name or "")},
			["name", "short_name"],
			as_dict=True,
		)
		if existing:
			frappe.throw(
				_("INN {0} already belongs to the employer {1} ({2}).").format(
					frappe.bold(self.inn),
					frappe.bold(existing.short_name),
					get_link_to_form("Employer", existing.name),
				),
				exc=DuplicateEmployerINNError,
				title=_("Duplicate Employer"),
			)

	def warn_about_similar_employers(self):
		"""An orange warning, not an error: «Ромашка» and «ООО "Ромашка"» may still be two companies."""
		prefix = name_search_prefix(self.name_key)
		if not prefix:
			return
		employer = frappe.qb.DocType("Employer")
		candidates = (
			frappe.qb.from_(employer)
			.select(employer.name, employer.short_name, employer.full_name)
			.where(employer.name != (self.name or ""))
			.where((employer.name_key == self.name_key) | employer.name_key.like(f"{prefix}%"))
			.orderby(employer.name)
			.limit(50)
			.run(as_dict=True)
		)
		similar = set(find_similar_names(self.short_name, [(c.name, c.short_name) for c in candidates]))
		similar |= set(find_similar_names(self.full_name, [(c.name, c.full_name) for c in candidates]))
		if not similar:
			return
		names = [
			f"{frappe.bold(c.short_name)} ({get_link_to_form('Employer', c.name)})"
			for c in candidates
			if c.name in similar
		]
		frappe.msgprint(
			_("Similar employers already exist: {0}. Check that this is not the same company.").format(
				", ".join(names)
			),
			title=_("Possible Duplicate"),
			indicator="orange",
		)
