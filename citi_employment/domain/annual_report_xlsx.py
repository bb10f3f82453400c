"""The annual report as a committee's table (§3.6), written with openpyxl in the committee's
table layout: one sheet per section, Russian headers with merged group cells, whole numbers and percents
in their formats, the headers frozen, A4 landscape with the header rows repeated on every printed page.

Plain data in, bytes out: ``workbook_bytes(report)`` takes the stored snapshot as plain values (see
``ReportData``) and never imports frappe. Values of choice fields (a period, a region, an event type, a
journal) are shown through ``labels``, which the caller fills in Russian.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from citi_employment.domain import annual_report as rules
from citi_employment.domain.reporting import as_int
from citi_employment.domain.russian_text import GENITIVE_MONTHS

# --- formats --------------------------------------------------------------------------------------------

INTEGER_FORMAT = "#,##0"
PERCENT_FORMAT = "0.0%"
SCORE_FORMAT = "0.00"
DATE_FORMAT = "DD.MM.YYYY"
# A share of nobody, or an average of no answers: not a number, shown as a dash.
NO_VALUE = "—"
FONT = "Times New Roman"
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)

TITLE_ROW = 1
SECTION_ROW = 2
STATUS_ROW = 3
HEADER_TOP = 4
HEADER_BOTTOM = 5
FIRST_DATA_ROW = 6

INT = "int"
PERCENT = "percent"
SCORE = "score"
TEXT = "text"
DATE = "date"


@dataclass(frozen=True)
class Column:
	"""One column of a section's table: the row key, its header (a group and the column's own header, or
	the header alone spanning both header rows), how its value is written, and the width in characters."""

	key: str
	header: str
	group: str | None = None
	kind: str = INT
	width: float = 12
	# For a share: the counts it is taken of (numerator, base); the total row recomputes it from them.
	ratio: tuple[str, str] | None = None


@dataclass(frozen=True)
class Section:
	table: str
	sheet: str
	title: str
	columns: tuple[Column, ...]
	total: bool = True


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

	def label(self, value: object) -> str:
		if value is None or value == "":
			return "не указано"
		return self.labels.get(str(value), str(value))


PROFESSION = Column("profession", "Профессия", kind=TEXT, width=34)
OUTCOME_GROUPS = {
	"working_at_this_employer": ("Трудоустроены", "у работодателя по месту трудоустройства"),
	"working_elsewhere": ("Трудоустроены", "у другого работодателя"),
	"self_employed_npd": ("Трудоустроены", "самозанятые (НПД)"),
	"individual_entrepreneur": ("Трудоустроены", "индивидуальные предприниматели"),
	"continuing_education": ("Не трудоустроены по уважительной причине", "продолжают обучение"),
	"military_service": ("Не трудоустроены по уважительной причине", "служба в армии"),
	"parental_leave": ("Не трудоустроены по уважительной причине", "отпуск по уходу за ребёнком"),
	"not_working_seeking": ("Не работают", "ищут работу"),
	"not_working_not_seeking": ("Не работают", "не ищут работу"),
	"unreachable": ("Не работают", "связь не установлена"),
}

SECTIONS = (
	Section(
		"plan_rows",
		"План работы",
		"Выполнение плана работы",
		(
			Column("work_plan", "План работы", kind=TEXT, width=16),
			Column("period", "Период", kind=TEXT, width=14),
			Column("plan_status", "Статус плана", kind=TEXT, width=14),
			Column("items", "Мероприятий в плане", width=12),
			Column("done", "выполнено", "Из них", width=11),
			Column("in_progress", "выполняются", "Из них", width=12),
			Column("planned", "не начаты", "Из них", width=11),
			Column("not_done", "не выполнены", "Из них", width=12),
			Column("overdue", "Просрочено", width=12),
			Column("done_share", "Выполнено, %", kind=PERCENT, width=12, ratio=("done", "items")),
		),
	),
	Section(
		"placement_rows",
		"Трудоустройство",
		"Трудоустройство выпускников в отчётном году",
		(
			PROFESSION,
			Column("placements", "Трудоустройств", width=15),
			Column("graduates", "Трудоустроено выпускников", width=16),
			Column("quota_positions", "на квотируемые места", "Из них", width=16),
			Column("special_workplaces", "на специально созданные рабочие места", "Из них", width=20),
		),
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
			*(
				Column(key, header, group, width=13 if len(header) < 30 else 15)
				for key, (group, header) in OUTCOME_GROUPS.items()
			),
			Column("not_checked", "Нет сведений мониторинга", width=13),
			Column("working", "Работают всего", width=11),
			Column("working_share", "Работают, %", kind=PERCENT, width=11, ratio=("working", "graduates")),
		),
	),
	Section(
		"employer_rows",
		"Работодатели",
		"Банк данных работодателей",
		(
			Column("region", "Регион", kind=TEXT, width=26),
			Column("employers", "Работодателей в банке данных", width=18),
			Column("new_employers", "новые", "Из них", width=14),
			Column("active_employers", "взаимодействовали в году", "Из них", width=18),
		),
	),
	Section(
		"contract_rows",
		"Договоры",
		"Договоры с работодателями, зарегистрированные в отчётном году",
		(
			Column("journal", "Журнал регистрации", kind=TEXT, width=48),
			Column("registered", "Зарегистрировано", width=16),
			Column("in_force", "действуют", "Из них", width=12),
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
			Column("requests", "Заявок", width=10),
			Column("positions", "запрошено", "Рабочих мест", width=12),
			Column("filled", "заполнено", "Рабочих мест", width=12),
			Column(
				"filled_share",
				"заполнено, %",
				"Рабочих мест",
				kind=PERCENT,
				width=12,
				ratio=("filled", "positions"),
			),
		),
	),
	Section(
		"event_rows",
		"Мероприятия",
		"Мероприятия Центра",
		(
			Column("event_type", "Вид мероприятия", kind=TEXT, width=34),
			Column("events", "Проведено", width=11),
			Column("graduates", "выпускники", "Участники", width=12),
			Column("students", "обучающиеся", "Участники", width=12),
			Column("employers", "работодатели", "Участники", width=13),
			Column("participants", "всего", "Участники", width=10),
		),
	),
	Section(
		"satisfaction_rows",
		"Отзывы работодателей",
		"Отзывы работодателей о выпускниках",
		(
			PROFESSION,
			Column("checks", "Проведено проверок", width=12),
			Column("answers", "ответов", "Удовлетворённость работодателя (1–5)", width=12),
			Column("average", "средняя оценка", "Удовлетворённость работодателя (1–5)", kind=SCORE, width=13),
			Column("complaints", "Замечания работодателя", width=14),
			Column("conditions_mismatch", "Условия не соответствуют договору", width=16),
			Column("workplace_needed", "Требуется специальное рабочее место", width=16),
		),
	),
)

SUMMARY_SHEET = "Сводка"
# The key figures by section: (figure, its wording, kind).
SUMMARY: tuple[tuple[str, tuple[tuple[str, str, str], ...]], ...] = (
	(
		"Выполнение плана работы",
		(
			("plan_items", "Мероприятий в планах работы на год", INT),
			("plan_items_done", "Выполнено мероприятий", INT),
			("plan_done_share", "Доля выполненных мероприятий", PERCENT),
			("plan_items_overdue", "Просрочено мероприятий", INT),
		),
	),
	(
		"Трудоустройство и закрепление выпускников",
		(
			("graduates", "Выпускников отчётного года", INT),
			("graduates_working", "Из них работают (по данным мониторинга)", INT),
			("working_share", "Доля работающих выпускников", PERCENT),
			("placements", "Трудоустройств в отчётном году", INT),
			("graduates_placed", "Трудоустроено выпускников", INT),
			("retention_6_reached", "Достигли 6 месяцев работы", INT),
			("retention_6_working", "Продолжают работать через 6 месяцев", INT),
			("retention_6_share", "Закрепление через 6 месяцев", PERCENT),
			("retention_12_reached", "Достигли 12 месяцев работы", INT),
			("retention_12_working", "Продолжают работать через 12 месяцев", INT),
			("retention_12_share", "Закрепление через 12 месяцев", PERCENT),
		),
	),
	(
		"Работа с работодателями",
		(
			("employers_total", "Работодателей в банке данных", INT),
			("employers_new", "Новых работодателей", INT),
			("employers_active", "Работодателей, с которыми велась работа", INT),
			("contracts_registered", "Зарегистрировано договоров", INT),
			("contracts_in_force", "Из них действуют", INT),
			("requests_received", "Получено заявок о потребности в работниках", INT),
			("positions_requested", "Запрошено рабочих мест", INT),
			("positions_filled", "Заполнено рабочих мест", INT),
		),
	),
	(
		"Мероприятия и отзывы работодателей",
		(
			("events_held", "Проведено мероприятий", INT),
			("event_participants", "Участников мероприятий", INT),
			("satisfaction_answers", "Ответов работодателей об удовлетворённости", INT),
			("satisfaction_average", "Средняя оценка удовлетворённости (1–5)", SCORE),
			("complaints", "Замечаний работодателей", INT),
		),
	),
)


# --- text -----------------------------------------------------------------------------------------------


def russian_date(day: date | None) -> str:
	"""«15 января 2027 г.»"""
	if not day:
		return ""
	return f"{day.day} {GENITIVE_MONTHS[day.month - 1]} {day.year} г."


def report_title(report: ReportData) -> str:
	return f"Годовой отчёт о выполнении плана работы Центра трудоустройства и занятости за {report.year} год"


def status_line(report: ReportData) -> str:
	parts = []
	if report.institution:
		parts.append(report.institution)
	parts.append(f"Отчёт {report.name}, версия {report.version}")
	if report.as_on:
		parts.append(f"данные на {report.as_on:%d.%m.%Y}")
	if report.approved_on:
		approved = f"утверждён {report.approved_on:%d.%m.%Y}"
		if report.approved_by:
			approved += f" ({report.approved_by})"
		parts.append(approved)
	else:
		parts.append(f"статус: {report.label(report.status)}")
	return "; ".join(parts)


# --- cells ----------------------------------------------------------------------------------------------


def share_value(values: Mapping, key: str, percent: object) -> object:
	"""A stored percent (0–100) as the fraction Excel formats, or a dash when it is taken over nobody."""
	if percent is None or not rules.has_base(values, key):
		return NO_VALUE
	return float(percent) / 100


def ratio(numerator: int, base: int) -> object:
	return NO_VALUE if not base else round(numerator / base, 3)


def write_cell(ws: Worksheet, row: int, column: int, value: object, kind: str, bold: bool = False):
	cell = ws.cell(row=row, column=column, value=value)
	cell.border = BORDER
	cell.font = Font(name=FONT, size=11, bold=bold)
	if value == NO_VALUE:
		cell.alignment = Alignment(horizontal="center", vertical="center")
	elif kind == TEXT:
		cell.alignment = Alignment(horizontal="left", vertical="center", wrap_text=True)
	else:
		cell.alignment = Alignment(horizontal="right", vertical="center")
		cell.number_format = {
			INT: INTEGER_FORMAT,
			PERCENT: PERCENT_FORMAT,
			SCORE: SCORE_FORMAT,
			DATE: DATE_FORMAT,
		}[kind]
	return cell


def number_cell(ws: Worksheet, row: int, number: int):
	"""«№ п/п» of a row, centred as in a typed table."""
	cell = write_cell(ws, row, 1, number, INT)
	cell.alignment = Alignment(horizontal="center", vertical="center")
	return cell


def header_cell(ws: Worksheet, row: int, column: int, text: str | None):
	cell = ws.cell(row=row, column=column, value=text)
	cell.border = BORDER
	cell.font = Font(name=FONT, size=10, bold=True)
	cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
	return cell


def title_rows(ws: Worksheet, report: ReportData, section_title: str, last_column: int) -> None:
	for row, text, size, bold in (
		(TITLE_ROW, report_title(report), 13, True),
		(SECTION_ROW, section_title, 12, True),
		(STATUS_ROW, status_line(report), 10, False),
	):
		ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last_column)
		cell = ws.cell(row=row, column=1, value=text)
		cell.font = Font(name=FONT, size=size, bold=bold)
		cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
	ws.row_dimensions[TITLE_ROW].height = 34
	ws.row_dimensions[STATUS_ROW].height = 28


def page_setup(ws: Worksheet, title_rows_range: str | None) -> None:
	"""A4 landscape, every column on one page wide, the header rows on every page, page numbers below."""
	ws.page_setup.paperSize = ws.PAPERSIZE_A4
	ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
	ws.page_setup.fitToWidth = 1
	ws.page_setup.fitToHeight = 0
	ws.sheet_properties.pageSetUpPr.fitToPage = True
	ws.page_margins.left = ws.page_margins.right = 0.5
	ws.page_margins.top = ws.page_margins.bottom = 0.6
	ws.print_options.horizontalCentered = True
	if title_rows_range:
		ws.print_title_rows = title_rows_range
	ws.oddFooter.center.text = "Страница &P из &N"


# --- sheets ---------------------------------------------------------------------------------------------


def write_summary(ws: Worksheet, report: ReportData) -> None:
	ws.title = SUMMARY_SHEET
	title_rows(ws, report, "Основные показатели", 3)
	for column, text in enumerate(("№ п/п", "Показатель", "Значение"), start=1):
		ws.merge_cells(start_row=HEADER_TOP, start_column=column, end_row=HEADER_BOTTOM, end_column=column)
		header_cell(ws, HEADER_TOP, column, text)
		header_cell(ws, HEADER_BOTTOM, column, None)
	row, number = FIRST_DATA_ROW, 0
	for section_title, figures in SUMMARY:
		ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
		cell = write_cell(ws, row, 1, section_title, TEXT, bold=True)
		cell.alignment = Alignment(horizontal="center", vertical="center")
		for column in (2, 3):
			ws.cell(row=row, column=column).border = BORDER
		row += 1
		for key, wording, kind in figures:
			number += 1
			number_cell(ws, row, number)
			write_cell(ws, row, 2, wording, TEXT)
			value = report.figures.get(key)
			if kind == PERCENT:
				value = share_value(report.figures, key, value)
			elif kind == SCORE:
				value = NO_VALUE if value is None or not rules.has_base(report.figures, key) else float(value)
			else:
				value = as_int(value)
			write_cell(ws, row, 3, value, kind)
			row += 1
	for column, width in ((1, 7), (2, 62), (3, 16)):
		ws.column_dimensions[get_column_letter(column)].width = width
	ws.freeze_panes = f"A{FIRST_DATA_ROW}"
	page_setup(ws, f"{HEADER_TOP}:{HEADER_BOTTOM}")
	ws.page_setup.orientation = ws.ORIENTATION_PORTRAIT


def write_headers(ws: Worksheet, columns: Sequence[Column]) -> None:
	"""Column 1 is «№ п/п»; a column without a group spans both header rows, consecutive columns of one
	group share a merged group cell above their own headers."""
	ws.merge_cells(start_row=HEADER_TOP, start_column=1, end_row=HEADER_BOTTOM, end_column=1)
	header_cell(ws, HEADER_TOP, 1, "№ п/п")
	header_cell(ws, HEADER_BOTTOM, 1, None)
	index = 0
	while index < len(columns):
		column = columns[index]
		first = index + 2
		if column.group is None:
			ws.merge_cells(start_row=HEADER_TOP, start_column=first, end_row=HEADER_BOTTOM, end_column=first)
			header_cell(ws, HEADER_TOP, first, column.header)
			header_cell(ws, HEADER_BOTTOM, first, None)
			index += 1
			continue
		span = 1
		while index + span < len(columns) and columns[index + span].group == column.group:
			span += 1
		if span > 1:
			ws.merge_cells(
				start_row=HEADER_TOP, start_column=first, end_row=HEADER_TOP, end_column=first + span - 1
			)
		header_cell(ws, HEADER_TOP, first, column.group)
		for offset in range(span):
			if offset:
				header_cell(ws, HEADER_TOP, first + offset, None)
			header_cell(ws, HEADER_BOTTOM, first + offset, columns[index + offset].header)
		index += span
	ws.row_dimensions[HEADER_TOP].height = 32
	ws.row_dimensions[HEADER_BOTTOM].height = 58


def cell_value(report: ReportData, row: Mapping, column: Column) -> object:
	value = row.get(column.key)
	if column.kind == TEXT:
		return report.label(value)
	if column.kind == PERCENT:
		return share_value(row, column.key, value)
	if column.kind == SCORE:
		return NO_VALUE if value is None or not rules.has_base(row, column.key) else float(value)
	if column.kind == DATE:
		return value
	return as_int(value)


def total_value(report: ReportData, section: Section, rows: Sequence[Mapping], column: Column) -> object:
	if column.kind == TEXT:
		return None
	if column.ratio:
		numerator, base = column.ratio
		return ratio(
			sum(as_int(row.get(numerator)) for row in rows), sum(as_int(row.get(base)) for row in rows)
		)
	if column.kind == SCORE:
		# The overall average is the report's own, computed from the sum of the scores.
		value = report.figures.get("satisfaction_average")
		return (
			NO_VALUE
			if value is None or not rules.has_base(report.figures, "satisfaction_average")
			else float(value)
		)
	return sum(as_int(row.get(column.key)) for row in rows)


def write_section(ws: Worksheet, report: ReportData, section: Section, number: int) -> None:
	ws.title = section.sheet
	columns = section.columns
	last_column = len(columns) + 1
	title_rows(ws, report, f"Раздел {number}. {section.title}", last_column)
	write_headers(ws, columns)
	rows = list(report.tables.get(section.table) or [])
	row_number = FIRST_DATA_ROW
	for index, row in enumerate(rows, start=1):
		number_cell(ws, row_number, index)
		for offset, column in enumerate(columns, start=2):
			write_cell(ws, row_number, offset, cell_value(report, row, column), column.kind)
		row_number += 1
	if not rows:
		ws.merge_cells(start_row=row_number, start_column=1, end_row=row_number, end_column=last_column)
		cell = write_cell(ws, row_number, 1, "Нет данных за отчётный год", TEXT)
		cell.alignment = Alignment(horizontal="center", vertical="center")
		for offset in range(2, last_column + 1):
			ws.cell(row=row_number, column=offset).border = BORDER
		row_number += 1
	elif section.total:
		ws.merge_cells(start_row=row_number, start_column=1, end_row=row_number, end_column=2)
		write_cell(ws, row_number, 1, "Итого", TEXT, bold=True)
		ws.cell(row=row_number, column=2).border = BORDER
		for offset, column in enumerate(columns, start=2):
			if offset == 2 and column.kind == TEXT:
				continue
			write_cell(
				ws, row_number, offset, total_value(report, section, rows, column), column.kind, bold=True
			)
	ws.column_dimensions["A"].width = 6
	for offset, column in enumerate(columns, start=2):
		ws.column_dimensions[get_column_letter(offset)].width = column.width
	# The headers and the row's name stay in view while the figures scroll.
	ws.freeze_panes = f"C{FIRST_DATA_ROW}"
	page_setup(ws, f"{HEADER_TOP}:{HEADER_BOTTOM}")


def workbook(report: ReportData) -> Workbook:
	book = Workbook()
	write_summary(book.active, report)
	for number, section in enumerate(SECTIONS, start=1):
		write_section(book.create_sheet(), report, section, number)
	book.properties.title = report_title(report)
	book.properties.creator = report.institution or "Центр трудоустройства и занятости"
	return book


def workbook_bytes(report: ReportData) -> bytes:
	buffer = BytesIO()
	workbook(report).save(buffer)
	return buffer.getvalue()


SECTION_OF_TABLE: dict[str, Section] = {section.table: section for section in SECTIONS}
SHEETS: tuple[str, ...] = (SUMMARY_SHEET, *(section.sheet for section in SECTIONS))
