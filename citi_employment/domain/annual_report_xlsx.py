"""The annual report as a committee's table (§3.6), written with openpyxl in the committee's
table layout: one sheet per section, Russian headers with merged group cells, whole numbers and percents
in their formats, the headers frozen, A4 landscape with the header rows repeated on every printed page.

The sections, their columns and totals are ``domain.annual_report_tables``, the layout the printed report
shares. Plain data in, bytes out: ``workbook_bytes(report)`` takes the stored snapshot as plain values (see
``ReportData``) and never imports frappe. Values of choice fields (a period, a region, an event type, a
journal) are shown through ``labels``, which the caller fills in Russian.
"""

from collections.abc import Sequence
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from citi_employment.domain.annual_report_tables import (
	DATE,
	INT,
	NO_VALUE,
	PERCENT,
	SCORE,
	SECTIONS,
	TEXT,
	TOTAL,
	Column,
	ReportData,
	Section,
	cell_value,
	figure_kind,
	figure_value,
	header_runs,
	total_values,
)

# --- formats --------------------------------------------------------------------------------------------

INTEGER_FORMAT = "#,##0"
PERCENT_FORMAT = "0.0%"
SCORE_FORMAT = "0.00"
DATE_FORMAT = "DD.MM.YYYY"
FONT = "Times New Roman"
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)

TITLE_ROW = 1
SECTION_ROW = 2
STATUS_ROW = 3
HEADER_TOP = 4
HEADER_BOTTOM = 5
FIRST_DATA_ROW = 6

SUMMARY_SHEET = "Сводка"
# The key figures by section: (figure, its wording).
SUMMARY: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
	(
		"Выполнение плана работы",
		(
			("plan_items", "Мероприятий в планах работы на год"),
			("plan_items_done", "Выполнено мероприятий"),
			("plan_done_share", "Доля выполненных мероприятий"),
			("plan_items_overdue", "Просрочено мероприятий"),
		),
	),
	(
		"Трудоустройство и закрепление выпускников",
		(
			("graduates", "Выпускников отчётного года"),
			("graduates_working", "Из них работают (по данным мониторинга)"),
			("working_share", "Доля работающих выпускников"),
			("placements", "Трудоустройств в отчётном году"),
			("graduates_placed", "Трудоустроено выпускников"),
			("retention_6_reached", "Достигли 6 месяцев работы"),
			("retention_6_working", "Продолжают работать через 6 месяцев"),
			("retention_6_share", "Закрепление через 6 месяцев"),
			("retention_12_reached", "Достигли 12 месяцев работы"),
			("retention_12_working", "Продолжают работать через 12 месяцев"),
			("retention_12_share", "Закрепление через 12 месяцев"),
		),
	),
	(
		"Работа с работодателями",
		(
			("employers_total", "Работодателей в банке данных"),
			("employers_new", "Новых работодателей"),
			("employers_active", "Работодателей, с которыми велась работа"),
			("contracts_registered", "Зарегистрировано договоров"),
			("contracts_in_force", "Из них действуют"),
			("requests_received", "Получено заявок о потребности в работниках"),
			("positions_requested", "Запрошено рабочих мест"),
			("positions_filled", "Заполнено рабочих мест"),
		),
	),
	(
		"Мероприятия и отзывы работодателей",
		(
			("events_held", "Проведено мероприятий"),
			("event_participants", "Участников мероприятий"),
			("satisfaction_answers", "Ответов работодателей об удовлетворённости"),
			("satisfaction_average", "Средняя оценка удовлетворённости (1–5)"),
			("complaints", "Замечаний работодателей"),
		),
	),
)


# --- text -----------------------------------------------------------------------------------------------


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
		for key, wording in figures:
			number += 1
			number_cell(ws, row, number)
			write_cell(ws, row, 2, wording, TEXT)
			write_cell(ws, row, 3, figure_value(report, key), figure_kind(key))
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
	first = 2
	for group, run in header_runs(columns):
		if group is None:
			ws.merge_cells(start_row=HEADER_TOP, start_column=first, end_row=HEADER_BOTTOM, end_column=first)
			header_cell(ws, HEADER_TOP, first, run[0].header)
			header_cell(ws, HEADER_BOTTOM, first, None)
		else:
			if len(run) > 1:
				ws.merge_cells(
					start_row=HEADER_TOP,
					start_column=first,
					end_row=HEADER_TOP,
					end_column=first + len(run) - 1,
				)
			for offset, column in enumerate(run):
				header_cell(ws, HEADER_TOP, first + offset, None if offset else group)
				header_cell(ws, HEADER_BOTTOM, first + offset, column.header)
		first += len(run)
	ws.row_dimensions[HEADER_TOP].height = 32
	ws.row_dimensions[HEADER_BOTTOM].height = 58


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
		cell = write_cell(ws, row_number, 1, section.empty, TEXT)
		cell.alignment = Alignment(horizontal="center", vertical="center")
		for offset in range(2, last_column + 1):
			ws.cell(row=row_number, column=offset).border = BORDER
		row_number += 1
	elif section.total:
		ws.merge_cells(start_row=row_number, start_column=1, end_row=row_number, end_column=2)
		write_cell(ws, row_number, 1, TOTAL, TEXT, bold=True)
		ws.cell(row=row_number, column=2).border = BORDER
		totals = total_values(report, section, rows)
		for offset, column in enumerate(columns, start=2):
			if offset == 2 and column.kind == TEXT:
				continue
			write_cell(ws, row_number, offset, totals[column.key], column.kind, bold=True)
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
