"""Employers' feedback on the graduates they took (§6.2: «отсутствие/наличие нареканий со стороны
работодателя», «соответствие условий трудоустройства условиям трудового договора», «потребность в
специально созданном рабочем месте», «удовлетворённость работодателей в уровне и качестве обучения»), from
the monitoring checks done in a period, by the profession of the placement."""

from datetime import date

import frappe
from frappe.query_builder import Case, DocType
from frappe.query_builder.functions import Count, Sum

from citi_employment.domain import monitoring
from citi_employment.monitoring import RECORD_DOCTYPE
from citi_employment.reporting.access import check_reads_all

PLACEMENT_DOCTYPE = "Graduate Placement"
# The employer's score of the graduate (1–5); 0 when the employer gave none, which is no answer.
LOWEST_SCORE = 1
HIGHEST_SCORE = 5
CONDITIONS_DIFFER = "No"
WORKPLACE_NEEDED = "Needed, Not Adapted"


@frappe.read_only()
def employer_feedback(start: date, end: date) -> list[dict]:
	"""Rows of ``profession``, ``checks`` (done in the period, by check date), ``answers`` (with a score),
	``satisfaction_sum`` (of the scores; the average is ``domain.annual_report`` 's), ``complaints``
	(the employer complained), ``conditions_mismatch`` (working conditions differ from the contract) and
	``workplace_needed`` (a special workplace is needed and not yet adapted)."""
	check_reads_all(RECORD_DOCTYPE, PLACEMENT_DOCTYPE)
	record = DocType(RECORD_DOCTYPE)
	placement = DocType(PLACEMENT_DOCTYPE)
	answered = record.employer_satisfaction.between(LOWEST_SCORE, HIGHEST_SCORE)

	def count_of(condition):
		return Sum(Case().when(condition, 1).else_(0))

	return (
		frappe.qb.from_(record)
		.left_join(placement)
		.on(placement.name == record.placement)
		.select(
			placement.profession,
			Count("*").as_("checks"),
			count_of(answered).as_("answers"),
			Sum(Case().when(answered, record.employer_satisfaction).else_(0)).as_("satisfaction_sum"),
			count_of(record.employer_complaints == 1).as_("complaints"),
			count_of(record.conditions_match_contract == CONDITIONS_DIFFER).as_("conditions_mismatch"),
			count_of(record.special_workplace == WORKPLACE_NEEDED).as_("workplace_needed"),
		)
		.where(record.status == monitoring.DONE)
		.where(record.checked_on >= start)
		.where(record.checked_on <= end)
		.groupby(placement.profession)
	).run(as_dict=True)
