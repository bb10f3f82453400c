"""The annual report's tables (§3.6), as the committee's XLSX and the printed report both show them: each
section's columns with their Russian headers, how a value is shown, and what its total row holds.

One layout for both, so that a header, a column or a total is the same in the table the committee receives
and in the report the Director signs. Plain data, no frappe: ``domain.annual_report_xlsx`` writes the
sections into a workbook, ``printed_table`` gives the print format its cells as text.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from citi_employment.domain import annual_report as rules
from citi_employment.domain.reporting import as_int

INT = "int"
PERCENT = "percent"
SCORE = "score"
TEXT = "text"
DATE = "date"
# A share of nobody, or an average of no answers: not a number, shown as a dash.
NO_VALUE = "—"
NOT_GIVEN = "не указано"
TOTAL = "Итого"
NO_DATA = "Нет данных за отчётный год"


@dataclass(frozen=True)
class Column:
	"""One column of a section's table: the row key, its header (a group and the column's own header, or
	the header alone spanning both header rows), how its value is shown, and the width in characters."""

	key: str
	header: str
	group: str | None = None
	kind: str = INT
	width: float = 12
	# For a share: the counts it is taken of (numerator, base); the total row recomputes it from them.
	ratio: tuple[str, str] | None = None
	# The report's key figure the total row shows instead of the sum of the rows: a count of distinct
	# records (a graduate placed twice is one graduate) or the report's own average.
	figure: str | None = None
	# What an empty text value is shown as.
	missing: str = NOT_GIVEN
	# False: in the XLSX only; the A4 portrait page has no room for it beside the figures.
	on_paper: bool = True
	# A code or a choice printed on one line (a plan's ID is not broken at its hyphens).
	one_line: bool = False


@dataclass(frozen=True)
class Section:
	table: str
	sheet: str
	title: str
	columns: tuple[Column, ...]
	total: bool = True
	# The row shown when the year has no rows.
	empty: str = NO_DATA


@dataclass
class ReportData:
	"""The stored report, as plain values.

	``figures``: the key figures (``domain.annual_report.FIGURES``); ``tables``: rows per child table
	(``domain.annual_report.TABLE_FIELDS``); percents as stored (0–100); ``labels``: the shown text of a
	choice value (a period, a status, a region, an event type, a journal), in Russian.
	"""

	name: str
	year: int
	version: int = 1
	status: str = ""
	institution: str = ""
	as_on: date | None = None
	approved_on: date | None = None
	approved_by: str = ""
	outcome_checkpoint: int = rules.DEFAULT_OUTCOME_CHECKPOINT
	figures: Mapping[str, object] = field(default_factory=dict)
	tables: Mapping[str, Sequence[Mapping]] = field(default_factory=dict)
	labels: Mapping[str, str] = field(default_factory=dict)

	def label(self, value: object, missing: str = NOT_GIVEN) -> str:
		if value is None or value == "":
			return missing
		return self.labels.get(str(value), str(value))


PROFESSION = Column("profession", "Профессия", kind=TEXT, width=34, missing="Профессия не указана")


class OutcomeWords(NamedTuple):
	"""An outcome of a check in the tables' words: the XLSX's group and column header, and the line of the
	printed distribution."""

	group: str
	header: str
	line: str


EMPLOYED = "Трудоустроены"
EXCUSED = "Не трудоустроены по уважительной причине"
NOT_WORKING = "Не работают"
# Each outcome of a check (``domain.annual_report.OUTCOME_KEYS``, whose order the tables keep).
OUTCOME_WORDS = {
	"working_at_this_employer": OutcomeWords(
		EMPLOYED,
		"у работодателя по месту трудоустройства",
		"Работают у работодателя по месту трудоустройства",
	),
	"working_elsewhere": OutcomeWords(EMPLOYED, "у другого работодателя", "Работают у другого работодателя"),
	"self_employed_npd": OutcomeWords(EMPLOYED, "самозанятые (НПД)", "Самозанятые (НПД)"),
	"individual_entrepreneur": OutcomeWords(
		EMPLOYED, "индивидуальные предприниматели", "Индивидуальные предприниматели"
	),
	"continuing_education": OutcomeWords(EXCUSED, "продолжают обучение", "Продолжают обучение"),
	"military_service": OutcomeWords(EXCUSED, "служба в армии", "Служба в армии"),
	"parental_leave": OutcomeWords(EXCUSED, "отпуск по уходу за ребёнком", "Отпуск по уходу за ребёнком"),
	"not_working_seeking": OutcomeWords(NOT_WORKING, "ищут работу", "Не работают, ищут работу"),
	"not_working_not_seeking": OutcomeWords(NOT_WORKING, "не ищут работу", "Не работают, не ищут работу"),
	"unreachable": OutcomeWords(NOT_WORKING, "связь не установлена", "Связь не установлена"),
}
NOT_CHECKED = "Нет сведений мониторинга"


def outcome_column(key: str) -> Column:
	words = OUTCOME_WORDS[key]
	return Column(key, words.header, words.group, width=13 if len(words.header) < 30 else 15)


SECTIONS = (
	Section(
		"plan_rows",
		"План работы",
		"Выполнение плана работы",
		(
			Column("work_plan", "План работы", kind=TEXT, width=16, one_line=True),
			Column("period", "Период", kind=TEXT, width=14, one_line=True),
			Column("plan_status", "Статус плана", kind=TEXT, width=14, on_paper=False),
			Column("items", "Мероприятий в плане", width=12),
			Column("done", "выполнено", "Из них", width=11),
			Column("in_progress", "выполняются", "Из них", width=12),
			Column("planned", "не начаты", "Из них", width=11),
			Column("not_done", "не выполнены", "Из них", width=12),
			Column("overdue", "Просрочено", width=12),
			Column("done_share", "Выполнено, %", kind=PERCENT, width=12, ratio=("done", "items")),
		),
		empty="Планов работы на отчётный год нет",
	),
	Section(
		"placement_rows",
		"Трудоустройство",
		"Трудоустройство выпускников в отчётном году",
		(
			PROFESSION,
			Column("placements", "Трудоустройств", width=15),
			Column("graduates", "Трудоустроено выпускников", width=16, figure="graduates_placed"),
			Column("quota_positions", "на квотируемые места", "Из них", width=16),
			Column("special_workplaces", "на специальные рабочие места", "Из них", width=20),
		),
		empty="Трудоустройств в отчётном году нет",
	),
	Section(
		"retention_rows",
		"Закрепление",
		"Закрепление выпускников на рабочих местах",
		(
			Column("checkpoint", "Контрольная точка, мес.", kind=INT, width=13),
			Column("employed_from", "с", "Трудоустроены в период", kind=DATE, width=12),
			Column("employed_to", "по", "Трудоустроены в период", kind=DATE, width=12),
			Column("reached", "Достигли контрольной точки", width=14),
			Column("checked", "Проверено", width=12),
			Column("working", "Продолжают работать", width=14),
			Column("share", "Продолжают работать, %", kind=PERCENT, width=14, ratio=("working", "reached")),
			Column("overdue", "Просрочено проверок", width=13),
		),
		total=False,
	),
	Section(
		"outcome_rows",
		"Итоги выпуска",
		"Занятость выпускников отчётного года",
		(
			PROFESSION,
			Column("graduates", "Выпускников", width=12),
			*(outcome_column(key) for key in rules.OUTCOME_KEYS),
			Column("not_checked", NOT_CHECKED, width=13),
			Column("working", "Работают всего", width=11),
			Column("working_share", "Работают, %", kind=PERCENT, width=11, ratio=("working", "graduates")),
		),
	),
	Section(
		"employer_rows",
		"Работодатели",
		"Банк данных работодателей",
		(
			Column("region", "Регион", kind=TEXT, width=26, missing="Регион не указан"),
			Column("employers", "Работодателей в банке данных", width=18, figure="employers_total"),
			Column("new_employers", "новые", "Из них", width=14, figure="employers_new"),
			Column(
				"active_employers", "взаимодействовали в году", "Из них", width=18, figure="employers_active"
			),
		),
	),
	Section(
		"contract_rows",
		"Договоры",
		"Договоры с работодателями, зарегистрированные в отчётном году",
		(
			Column("journal", "Журнал регистрации", kind=TEXT, width=48),
			Column("registered", "Зарегистрировано", width=16, figure="contracts_registered"),
			Column("in_force", "действуют", "Из них", width=12, figure="contracts_in_force"),
			Column("expired", "истекли", "Из них", width=12),
			Column("terminated", "расторгнуты", "Из них", width=12),
		),
	),
	Section(
		"request_rows",
		"Заявки",
		"Заявки работодателей о потребности в работниках",
		(
			PROFESSION,
			Column("requests", "Заявок", width=10, figure="requests_received"),
			Column("positions", "запрошено", "Рабочих мест", width=12, figure="positions_requested"),
			Column("filled", "заполнено", "Рабочих мест", width=12, figure="positions_filled"),
			Column(
				"filled_share",
				"заполнено, %",
				"Рабочих мест",
				kind=PERCENT,
				width=12,
				ratio=("filled", "positions"),
			),
		),
		empty="Заявок в отчётном году не поступало",
	),
	Section(
		"event_rows",
		"Мероприятия",
		"Мероприятия Центра",
		(
			Column("event_type", "Вид мероприятия", kind=TEXT, width=34),
			Column("events", "Проведено", width=11, figure="events_held"),
			Column("graduates", "выпускники", "Участники", width=12),
			Column("students", "обучающиеся", "Участники", width=12),
			Column("employers", "работодатели", "Участники", width=13),
			Column("participants", "всего", "Участники", width=10, figure="event_participants"),
		),
	),
	Section(
		"satisfaction_rows",
		"Отзывы работодателей",
		"Отзывы работодателей о выпускниках",
		(
			PROFESSION,
			Column("checks", "Проведено проверок", width=12),
			Column(
				"answers",
				"ответов",
				"Удовлетворённость работодателя (1–5)",
				width=12,
				figure="satisfaction_answers",
			),
			Column(
				"average",
				"средняя оценка",
				"Удовлетворённость работодателя (1–5)",
				kind=SCORE,
				width=13,
				figure="satisfaction_average",
			),
			Column("complaints", "Замечания работодателя", width=14, figure="complaints"),
			Column("conditions_mismatch", "Условия не соответствуют договору", width=16),
			Column("workplace_needed", "Требуется специальное рабочее место", width=16),
		),
		empty="Проверок в отчётном году не проводилось",
	),
)

# The key figures that are not counts; the others are.
FIGURE_KINDS = {
	"plan_done_share": PERCENT,
	"retention_6_share": PERCENT,
	"retention_12_share": PERCENT,
	"working_share": PERCENT,
	"satisfaction_average": SCORE,
}

# The printed report's distribution of the year's graduates by outcome (the regional committee's
# per-profession table of the XLSX is too wide for the page): (key, line).
OUTCOME_LINES = (
	*((key, OUTCOME_WORDS[key].line) for key in rules.OUTCOME_KEYS),
	("not_checked", NOT_CHECKED),
)


def header_runs(columns: Sequence[Column]) -> list[tuple[str | None, tuple[Column, ...]]]:
	"""The columns in runs under one header cell: a column without a group alone (its header spans both
	header rows), consecutive columns of one group together under the group's merged cell."""
	runs: list[tuple[str | None, tuple[Column, ...]]] = []
	for column in columns:
		if column.group is not None and runs and runs[-1][0] == column.group:
			runs[-1] = (column.group, (*runs[-1][1], column))
		else:
			runs.append((column.group, (column,)))
	return runs


def ratio(numerator: int, base: int) -> object:
	return NO_VALUE if not base else round(numerator / base, 3)


def number_value(values: Mapping, key: str, kind: str) -> object:
	"""A figure of a row or of the report as a table shows it: a count as a whole number, a stored percent
	(0–100) as a fraction, a score as it is; a share or a score taken over nobody as a dash."""
	value = values.get(key)
	if kind not in (PERCENT, SCORE):
		return as_int(value)
	if value is None or not rules.has_base(values, key):
		return NO_VALUE
	return float(value) / 100 if kind == PERCENT else float(value)


def cell_value(report: ReportData, row: Mapping, column: Column) -> object:
	if column.kind == TEXT:
		return report.label(row.get(column.key), column.missing)
	if column.kind == DATE:
		return row.get(column.key)
	return number_value(row, column.key, column.kind)


def figure_kind(key: str) -> str:
	return FIGURE_KINDS.get(key, INT)


def figure_value(report: ReportData, key: str) -> object:
	"""A key figure of the report as its table shows it."""
	return number_value(report.figures, key, figure_kind(key))


def total_values(report: ReportData, section: Section, rows: Sequence[Mapping]) -> dict[str, object]:
	"""The total row by column key: a count summed over the rows (or the report's figure for it), a share
	recomputed from the totals of its counts; a text column has none."""
	totals: dict[str, object] = {}
	for column in section.columns:
		if column.kind == TEXT:
			totals[column.key] = None
		elif column.figure:
			totals[column.key] = figure_value(report, column.figure)
		elif not column.ratio:
			totals[column.key] = sum(as_int(row.get(column.key)) for row in rows)
	for column in section.columns:
		if column.ratio:
			numerator, base = column.ratio
			totals[column.key] = ratio(as_int(totals.get(numerator)), as_int(totals.get(base)))
	return totals


def printed(value: object, kind: str) -> str:
	"""A value as the printed report shows it: «1 234», «45,5» (a percent), «4,33», «15.01.2027», «—»."""
	if value is None:
		return ""
	if value == NO_VALUE or kind == TEXT:
		return str(value)
	if kind == PERCENT:
		return f"{float(value) * 100:.1f}".replace(".", ",")
	if kind == SCORE:
		return f"{float(value):.2f}".replace(".", ",")
	if kind == DATE:
		return f"{value:%d.%m.%Y}"
	return f"{as_int(value):,}".replace(",", " ")


def printed_table(report: ReportData, section: Section) -> dict:
	"""A section for the print format, its cells worded as the page shows them:

	- ``title``, and ``header``: one or two rows of cells with ``text``, ``rowspan``, ``colspan`` and
	  ``width`` (a column's percent of the table's width; None over a group);
	- ``rows`` and ``total`` (None without one): cells with ``text``, ``number`` (a figure, set right) and
	  ``one_line``;
	- ``empty``: the row shown when the year has no rows; ``width``: the number of columns.
	"""
	columns_on_paper = tuple(column for column in section.columns if column.on_paper)
	runs = header_runs(columns_on_paper)
	two_rows = any(group is not None for group, _columns in runs)
	whole_width = sum(column.width for column in columns_on_paper)

	def header(text: str, rowspan: int = 1, colspan: int = 1, column: Column | None = None) -> dict:
		# A column's share of the page is its share of the XLSX widths, so both tables keep its proportions.
		width = round(100 * column.width / whole_width, 1) if column else None
		return {"text": text, "rowspan": rowspan, "colspan": colspan, "width": width}

	top, bottom = [], []
	for group, columns in runs:
		if group is None:
			top.append(header(columns[0].header, rowspan=2 if two_rows else 1, column=columns[0]))
		else:
			top.append(header(group, colspan=len(columns)))
			bottom.extend(header(column.header, column=column) for column in columns)
	rows = list(report.tables.get(section.table) or [])

	def cells(values: Mapping[str, object]) -> list[dict]:
		return [
			{
				"text": printed(values.get(column.key), column.kind),
				"number": column.kind != TEXT,
				"one_line": column.one_line,
			}
			for column in columns_on_paper
		]

	body = [
		cells({column.key: cell_value(report, row, column) for column in section.columns}) for row in rows
	]
	total = None
	if rows and section.total:
		total = cells(total_values(report, section, rows))
		total[0]["text"] = TOTAL
	return {
		"title": section.title,
		"header": [top, bottom] if two_rows else [top],
		"rows": body,
		"total": total,
		"empty": section.empty,
		"width": len(columns_on_paper),
	}


def printed_figure(report: ReportData, key: str) -> str:
	"""A key figure worded as the printed report shows it."""
	return printed(figure_value(report, key), figure_kind(key))


def printed_figures(report: ReportData) -> dict[str, str]:
	return {key: printed_figure(report, key) for key in rules.FIGURES}


def printed_outcomes(report: ReportData) -> dict:
	"""The printed report's two outcome tables: ``lines``, the graduates of the year by outcome (``label``,
	``graduates``, ``share`` of all the year's graduates), and ``professions``, per profession (``profession``,
	``graduates``, ``working``, ``share`` working); each table's ``…_total`` row likewise."""
	rows = list(report.tables.get("outcome_rows") or [])
	graduates = as_int(report.figures.get("graduates"))

	def share_of_graduates(count: int) -> str:
		return printed(count / graduates if graduates else NO_VALUE, PERCENT)

	lines = []
	for key, label in OUTCOME_LINES:
		count = sum(as_int(row.get(key)) for row in rows)
		lines.append({"label": label, "graduates": printed(count, INT), "share": share_of_graduates(count)})
	professions = [
		{
			"profession": report.label(row.get("profession"), PROFESSION.missing),
			"graduates": printed(as_int(row.get("graduates")), INT),
			"working": printed(as_int(row.get("working")), INT),
			"share": printed(number_value(row, "working_share", PERCENT), PERCENT),
		}
		for row in rows
	]
	return {
		"lines": lines,
		"lines_total": {
			"graduates": printed_figure(report, "graduates"),
			"share": share_of_graduates(graduates),
		},
		"professions": professions,
		"professions_total": {
			"graduates": printed_figure(report, "graduates"),
			"working": printed_figure(report, "graduates_working"),
			"share": printed_figure(report, "working_share"),
		},
	}


def printed_report(report: ReportData) -> dict:
	"""Everything the printed report shows worded: ``figures`` (``printed_figures``), ``outcomes``
	(``printed_outcomes``) and ``tables``, each section's ``printed_table`` by child table."""
	return {
		"figures": printed_figures(report),
		"outcomes": printed_outcomes(report),
		"tables": {section.table: printed_table(report, section) for section in SECTIONS},
	}
