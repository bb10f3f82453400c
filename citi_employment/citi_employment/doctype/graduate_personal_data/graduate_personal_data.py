# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""Sensitive data of a graduate (152-ФЗ ст. 7, 10, 19), kept apart so that only the Center's Head and
Specialists can read it: Frappe sends every field of a document to whoever may read it."""

from functools import partial

import frappe
from frappe.model.document import Document

from citi_employment.domain.graduate import normalize_document_number
from citi_employment.domain.identifiers import (
	normalize_division_code,
	normalize_inn,
	normalize_passport_number,
	normalize_passport_series,
	normalize_snils,
)
from citi_employment.personal_data.center_only import purge_deleted_copy
from citi_employment.write_guards.field_errors import collect_field_errors, throw_field_errors

PERSONAL_DATA_NORMALIZERS = {
	"passport_series": normalize_passport_series,
	"passport_number": normalize_passport_number,
	"passport_division_code": normalize_division_code,
	"snils": normalize_snils,
	"inn": partial(normalize_inn, kind="individual"),
	"ipra_number": normalize_document_number,
}
PASSPORT_NORMALIZERS = {
	"series": normalize_passport_series,
	"number": normalize_passport_number,
	"division_code": normalize_division_code,
}
OTHER_DOCUMENT_NORMALIZERS = {
	"series": normalize_document_number,
	"number": normalize_document_number,
	"division_code": normalize_document_number,
}


class GraduatePersonalData(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from citi_employment.citi_employment.doctype.representative_identity_document.representative_identity_document import (
			RepresentativeIdentityDocument,
		)

		assistive_devices: DF.SmallText | None
		disability_group: DF.Literal["", "Group I", "Group II", "Group III", "Disabled Child"]
		disability_until: DF.Date | None
		graduate: DF.Link
		graduate_name: DF.Data | None
		inn: DF.Data | None
		ipra_number: DF.Data | None
		ipra_recommendations: DF.Text | None
		passport_division_code: DF.Data | None
		passport_issued_by: DF.SmallText | None
		passport_issued_on: DF.Date | None
		passport_number: DF.Data | None
		passport_series: DF.Data | None
		representative_documents: DF.Table[RepresentativeIdentityDocument]
		snils: DF.Data | None
		special_workplace_needs: DF.Text | None
		work_capacity_restriction: DF.Literal["", "No Restriction", "Degree 1", "Degree 2", "Degree 3"]
	# end: auto-generated types

	def validate(self):
		self.validate_identifiers()

	def on_trash(self):
		# Frappe copies a deleted document, values and all, into Deleted Document, which System Managers
		# read; personal data must not outlive their record there (152-ФЗ ст. 21). The copy is written
		# after every controller hook, so it is removed just before the transaction commits.
		frappe.db.before_commit.add(partial(purge_deleted_copy, self.doctype, self.name))

	def validate_identifiers(self):
		"""Normalise every filled identifier; one error names each invalid field, never its value."""
		errors = collect_field_errors(self, PERSONAL_DATA_NORMALIZERS)
		row_errors = [
			(row, error)
			for row in self.representative_documents
			for error in collect_field_errors(row, representative_document_normalizers(row.document_type))
		]
		throw_field_errors(self, errors, row_errors)


def representative_document_normalizers(document_type: str | None) -> dict:
	return PASSPORT_NORMALIZERS if document_type == "Passport" else OTHER_DOCUMENT_NORMALIZERS
