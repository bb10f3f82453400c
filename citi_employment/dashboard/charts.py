"""The workspace's retention chart (§6.2): of the monitoring checks done at each checkpoint, how many found
the graduate still working. "Still working" is the reports' one definition
(``domain.reporting.STILL_WORKING_OUTCOMES``); the Employment Retention report gives the cohorts behind it.
"""

import frappe
from frappe import _
from frappe.query_builder import Case, DocType
from frappe.query_builder.functions import Count, Sum

from citi_employment.domain import monitoring as monitoring_rules
from citi_employment.domain import reporting as reporting_rules
from citi_employment.monitoring import RECORD_DOCTYPE
from citi_employment.reporting.access import check_reads_all


@frappe.whitelist()
@frappe.read_only()
def retention_by_checkpoint(**kwargs) -> dict:
	"""A frappe-charts bar chart: per checkpoint (months; ad hoc checks left out), the checks done and those
	with a still-working outcome. One grouped query. The framework's chart widget passes its own arguments
	(chart name, time span ...), which a chart of all time does not need."""
	check_reads_all(RECORD_DOCTYPE)
	record = DocType(RECORD_DOCTYPE)
	working = Case().when(record.outcome.isin(reporting_rules.STILL_WORKING_OUTCOMES), 1).else_(0)
	rows = (
		frappe.qb.from_(record)
		.select(record.checkpoint, Count("*").as_("checked"), Sum(working).as_("working"))
		.where(record.status == monitoring_rules.DONE)
		.where(record.checkpoint > monitoring_rules.AD_HOC)
		.groupby(record.checkpoint)
		.orderby(record.checkpoint)
		.run(as_dict=True)
	)
	return {
		"labels": [_("{0} mo.").format(row.checkpoint) for row in rows],
		"datasets": [
			{"name": _("Checked"), "values": [int(row.checked) for row in rows]},
			{"name": _("Working"), "values": [int(row.working or 0) for row in rows]},
		],
		"type": "bar",
	}
