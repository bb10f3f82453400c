# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""An event the Center holds or takes part in (§2.2): open days, working meetings and consultations for
employers, seminars, webinars, conferences, job fairs, career guidance. Held for an item of the work plan,
it marks that item's progress (``citi_employment.work_plan.progress``)."""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import cint

from citi_employment.work_plan import progress
from citi_employment.write_guards import labels
from citi_employment.write_guards.field_errors import validate_period

COUNT_FIELDS = ("graduates_count", "students_count", "employers_count")


class NegativeCountError(frappe.ValidationError):
	pass


class CenterEvent(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from citi_employment.citi_employment.doctype.center_event_employer.center_event_employer import (
			CenterEventEmployer,
		)

		employers: DF.Table[CenterEventEmployer]
		employers_count: DF.Int
		ends_on: DF.Datetime | None
		event_type: DF.Literal[
			"Open Day",
			"Working Meeting",
			"Employer Consultation",
			"Seminar",
			"Webinar",
			"Conference",
			"Job Fair",
			"Career Guidance",
		]
		graduates_count: DF.Int
		online_link: DF.Data | None
		organiser: DF.Link
		outcome: DF.Text | None
		starts_on: DF.Datetime
		status: DF.Literal["Planned", "Held", "Cancelled"]
		students_count: DF.Int
		subject: DF.Data
		venue: DF.Data | None
		work_plan: DF.Link | None
		work_plan_activity: DF.SmallText | None
		work_plan_item: DF.Autocomplete | None
	# end: auto-generated types

	def validate(self):
		self.validate_counts()
		self.validate_period()
		self.count_employers()
		progress.check_event_item(self)

	def on_update(self):
		progress.record_event_progress(self)

	def validate_counts(self):
		negative = [fieldname for fieldname in COUNT_FIELDS if cint(self.get(fieldname)) < 0]
		if negative:
			frappe.throw(
				_("The number of participants cannot be negative: {0}.").format(labels(self, negative)),
				NegativeCountError,
				title=_("Invalid Number"),
			)

	def validate_period(self):
		validate_period(self, "starts_on", "ends_on")

	def count_employers(self):
		"""Left empty, the number of employers is that of the participating employers listed."""
		if not cint(self.employers_count) and self.employers:
			self.employers_count = len({row.employer for row in self.employers if row.employer})
