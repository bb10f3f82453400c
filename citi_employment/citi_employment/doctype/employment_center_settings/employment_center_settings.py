# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

from functools import partial

import frappe
from frappe.model.document import Document
from frappe.utils import cint

from citi_employment.domain.center_settings import (
	CenterSettingsValues,
	center_settings_errors,
	format_checkpoint_months,
	parse_checkpoint_months,
)
from citi_employment.domain.identifiers import normalize_inn, normalize_ogrn
from citi_employment.email_reports import digest as digest_report
from citi_employment.email_reports import sync_all as sync_email_reports
from citi_employment.write_guards.field_errors import collect_field_errors, throw_field_errors

# The institution is an organisation: a 10-digit ИНН and a 13-digit ОГРН.
INSTITUTION_IDENTIFIERS = {
	"institution_inn": partial(normalize_inn, kind="organization"),
	"institution_ogrn": normalize_ogrn,
}


class EmploymentCenterSettings(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from citi_employment.citi_employment.doctype.digest_recipient.digest_recipient import DigestRecipient

		approval_reminder_days: DF.Int
		contract_expiry_warning_days: DF.Int
		deputy_director_name: DF.Data | None
		director_name: DF.Data
		institution_address: DF.SmallText | None
		institution_city: DF.Data | None
		institution_full_name: DF.SmallText
		institution_full_name_genitive: DF.SmallText
		institution_inn: DF.Data | None
		institution_ogrn: DF.Data | None
		institution_short_name: DF.Data
		institution_website: DF.Data | None
		monitoring_checkpoints: DF.Data
		monitoring_due_lead_days: DF.Int
		monitoring_overdue_grace_days: DF.Int
		monthly_digest_enabled: DF.Check
		monthly_digest_format: DF.Literal["HTML", "XLSX"]
		monthly_digest_recipients: DF.TableMultiSelect[DigestRecipient]
		parent_authority: DF.Data | None
		publication_min_cell_size: DF.Int
		revocation_destruction_days: DF.Int
	# end: auto-generated types

	def validate(self):
		throw_field_errors(
			self,
			collect_field_errors(self, INSTITUTION_IDENTIFIERS)
			+ center_settings_errors(
				CenterSettingsValues(
					monitoring_checkpoints=self.monitoring_checkpoints,
					contract_expiry_warning_days=cint(self.contract_expiry_warning_days),
					publication_min_cell_size=cint(self.publication_min_cell_size),
					revocation_destruction_days=cint(self.revocation_destruction_days),
					monitoring_due_lead_days=cint(self.monitoring_due_lead_days),
					monitoring_overdue_grace_days=cint(self.monitoring_overdue_grace_days),
				)
			),
		)
		self.monitoring_checkpoints = format_checkpoint_months(self.get_checkpoint_months())
		digest_report.validate_recipients(self)

	def on_update(self):
		# The Auto Email Report and the reminder Notifications follow these settings (issue 12). Install saves
		# the settings before the site has its language and workflows; its after_sync makes them instead.
		if not frappe.flags.in_install:
			sync_email_reports()

	def get_checkpoint_months(self) -> tuple[int, ...]:
		return parse_checkpoint_months(self.monitoring_checkpoints)
