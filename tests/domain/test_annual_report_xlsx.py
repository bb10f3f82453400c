"""The committee's XLSX table, opened again with openpyxl and read cell by cell."""

from datetime import date
from io import BytesIO

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from citi_employment.domain import annual_report as rules
from citi_employment.domain import annual_report_tables as tables
from citi_employment.domain import annual_report_xlsx as xlsx

from .test_annual_report import known_year

LABELS = {
	"1st Half": "I полугодие",
	"2nd Half": "II полугодие",
	"Approved": "Утверждён",
	"Draft": "Черновик",
	"Leningrad Oblast": "Ленинградская область",
	"Saint Petersburg": "Санкт-Петербург",
	"Other": "Другой регион",
	"Job Fair": "Ярмарка вакансий",
	"Open Day": "День открытых дверей",
	"Cooperation (Partnership)": "О сотрудничестве (партнёрстве)",
}


def report_data(snapshot=None, **values) -> tables.ReportData:
	snapshot = snapshot or rules.snapshot(known_year())
	return tables.ReportData(
		**{
			"name": "AR-2026",
			"year": 2026,
			"version": 1,
			"status": "Approved",
			"institution": "ГАНПОУ ЛО «МЦ СиТИ»",
			"as_on": date(2027, 1, 15),
			"approved_on": date(2027, 1, 20),
			"approved_by": "И.Г. Дрозденко",
			"figures": snapshot.figures,
			"tables": snapshot.tables,
			"labels": LABELS,
			**values,
		}
	)


@pytest.fixture(scope="module")
def book():
	return load_workbook(BytesIO(xlsx.workbook_bytes(report_data())))


def merged(ws) -> set[str]:
	return {str(cell_range) for cell_range in ws.merged_cells.ranges}


def values(ws, row: int, first: int, last: int) -> list:
	return [ws.cell(row=row, column=column).value for column in range(first, last + 1)]


def test_one_sheet_per_section_after_the_summary(book):
	assert book.sheetnames == [
		"Сводка",
		"План работы",
		"Трудоустройство",
		"Закрепление",
		"Итоги выпуска",
		"Работодатели",
		"Договоры",
		"Заявки",
		"Мероприятия",
		"Отзывы работодателей",
	]
	assert book.sheetnames == [xlsx.SUMMARY_SHEET, *(section.sheet for section in tables.SECTIONS)]
	assert {section.table for section in tables.SECTIONS} == set(rules.TABLES)


def test_every_sheet_is_a4_landscape_or_portrait_fitted_with_its_headers_repeated(book):
	for ws in book.worksheets:
		assert int(ws.page_setup.paperSize) == 9, ws.title  # A4
		expected = "portrait" if ws.title == "Сводка" else "landscape"
		assert ws.page_setup.orientation == expected, ws.title
		assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
		assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0, ws.title
		assert ws.print_title_rows == "$4:$5", ws.title
		assert ws.freeze_panes == ("A6" if ws.title == "Сводка" else "C6"), ws.title
		# The report's title across the table.
		assert (
			ws["A1"].value
			== "Годовой отчёт о выполнении плана работы Центра трудоустройства и занятости за 2026 год"
		)
		assert f"A1:{get_column_letter(ws.max_column)}1" in merged(ws)


def test_the_status_line_names_version_date_and_approval(book):
	line = book["Сводка"]["A3"].value
	assert line == (
		"ГАНПОУ ЛО «МЦ СиТИ»; Отчёт AR-2026, версия 1; данные на 15.01.2027; утверждён 20.01.2027 (И.Г. Дрозденко)"
	)
	draft = load_workbook(
		BytesIO(xlsx.workbook_bytes(report_data(status="Draft", approved_on=None, approved_by="")))
	)
	assert draft["Сводка"]["A3"].value.endswith("статус: Черновик")


def test_summary_holds_every_key_figure_in_its_format(book):
	ws = book["Сводка"]
	assert values(ws, 4, 1, 3) == ["№ п/п", "Показатель", "Значение"]
	assert {"A4:A5", "B4:B5", "C4:C5", "A6:C6"} <= merged(ws)
	assert ws["A6"].value == "Выполнение плана работы"
	figures = {
		ws.cell(row=row, column=2).value: ws.cell(row=row, column=3) for row in range(6, ws.max_row + 1)
	}
	expected = {
		"Мероприятий в планах работы на год": (6, "#,##0"),
		"Выполнено мероприятий": (2, "#,##0"),
		"Доля выполненных мероприятий": (0.333, "0.0%"),
		"Просрочено мероприятий": (1, "#,##0"),
		"Выпускников отчётного года": (5, "#,##0"),
		"Из них работают (по данным мониторинга)": (3, "#,##0"),
		"Доля работающих выпускников": (0.6, "0.0%"),
		"Трудоустройств в отчётном году": (4, "#,##0"),
		"Трудоустроено выпускников": (3, "#,##0"),
		"Достигли 6 месяцев работы": (4, "#,##0"),
		"Продолжают работать через 6 месяцев": (2, "#,##0"),
		"Закрепление через 6 месяцев": (0.5, "0.0%"),
		"Достигли 12 месяцев работы": (0, "#,##0"),
		"Продолжают работать через 12 месяцев": (0, "#,##0"),
		"Работодателей в банке данных": (4, "#,##0"),
		"Новых работодателей": (3, "#,##0"),
		"Работодателей, с которыми велась работа": (2, "#,##0"),
		"Зарегистрировано договоров": (4, "#,##0"),
		"Из них действуют": (2, "#,##0"),
		"Получено заявок о потребности в работниках": (3, "#,##0"),
		"Запрошено рабочих мест": (6, "#,##0"),
		"Заполнено рабочих мест": (2, "#,##0"),
		"Проведено мероприятий": (3, "#,##0"),
		"Участников мероприятий": (38, "#,##0"),
		"Ответов работодателей об удовлетворённости": (3, "#,##0"),
		"Средняя оценка удовлетворённости (1–5)": (4.0, "0.00"),
		"Замечаний работодателей": (1, "#,##0"),
	}
	for wording, (value, number_format) in expected.items():
		cell = figures[wording]
		assert cell.value == pytest.approx(value), wording
		assert cell.number_format == number_format, wording
	# Nobody reached twelve months: no share, a dash, not 0 %.
	assert figures["Закрепление через 12 месяцев"].value == tables.NO_VALUE
	numbers = [ws.cell(row=row, column=1).value for row in range(6, ws.max_row + 1)]
	assert [number for number in numbers if isinstance(number, int)] == list(range(1, 29))


def test_outcome_sheet_cell_by_cell(book):
	ws = book["Итоги выпуска"]
	assert ws["A2"].value == "Раздел 4. Занятость выпускников отчётного года"
	# Group headers merged over their columns, single headers over both header rows.
	assert {"A4:A5", "B4:B5", "C4:C5", "D4:G4", "H4:J4", "K4:M4", "N4:N5", "O4:O5", "P4:P5"} <= merged(ws)
	assert values(ws, 4, 1, 16) == [
		"№ п/п",
		"Профессия",
		"Выпускников",
		"Трудоустроены",
		None,
		None,
		None,
		"Не трудоустроены по уважительной причине",
		None,
		None,
		"Не работают",
		None,
		None,
		"Нет сведений мониторинга",
		"Работают всего",
		"Работают, %",
	]
	assert values(ws, 5, 4, 13) == [
		"у работодателя по месту трудоустройства",
		"у другого работодателя",
		"самозанятые (НПД)",
		"индивидуальные предприниматели",
		"продолжают обучение",
		"служба в армии",
		"отпуск по уходу за ребёнком",
		"ищут работу",
		"не ищут работу",
		"связь не установлена",
	]
	assert values(ws, 6, 1, 16) == [1, "Повар", 5, 2, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 3, 0.6]
	assert values(ws, 7, 1, 16) == ["Итого", None, 5, 2, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 3, 0.6]
	assert "A7:B7" in merged(ws)
	assert ws["C6"].number_format == "#,##0"
	assert ws["P6"].number_format == "0.0%"
	assert ws["A7"].font.b and ws["P7"].font.b
	assert ws["B6"].alignment.wrap_text
	assert ws["D5"].alignment.wrap_text and ws["D4"].alignment.horizontal == "center"
	assert ws.max_row == 7


def test_plan_sheet_rows_and_totals(book):
	ws = book["План работы"]
	assert values(ws, 4, 1, 11) == [
		"№ п/п",
		"План работы",
		"Период",
		"Статус плана",
		"Мероприятий в плане",
		"Из них",
		None,
		None,
		None,
		"Просрочено",
		"Выполнено, %",
	]
	assert "F4:I4" in merged(ws)
	assert values(ws, 6, 1, 11) == [1, "WP-2026-H1", "I полугодие", "Утверждён", 4, 2, 1, 1, 0, 1, 0.5]
	assert values(ws, 7, 1, 11) == [2, "WP-2026-H2", "II полугодие", "Черновик", 2, 0, 0, 1, 1, 0, 0.0]
	# The total share is recomputed from the summed counts (2 of 6), not averaged over the plans.
	assert values(ws, 8, 1, 11) == ["Итого", None, None, None, 6, 2, 1, 2, 1, 1, 0.333]


def test_placement_retention_and_request_sheets(book):
	ws = book["Трудоустройство"]
	assert values(ws, 6, 1, 6) == [1, "Повар", 3, 2, 1, 1]
	assert values(ws, 7, 1, 6) == [2, "Профессия не указана", 1, 1, 0, 0]
	assert values(ws, 8, 1, 6) == ["Итого", None, 4, 3, 1, 1]
	assert {"E4:F4"} <= merged(ws)

	ws = book["Закрепление"]
	assert "C4:D4" in merged(ws) and ws["C4"].value == "Трудоустроены в период"
	row = values(ws, 6, 1, 9)
	assert row[:2] == [1, 6]
	assert [cell.date() for cell in row[2:4]] == [date(2025, 7, 1), date(2026, 6, 30)]
	assert row[4:] == [4, 3, 2, 0.5, 1]
	assert ws["C6"].number_format == "DD.MM.YYYY"
	assert ws.cell(row=7, column=8).value == tables.NO_VALUE
	# Checkpoints are different cohorts: no total row.
	assert ws.max_row == 7

	ws = book["Заявки"]
	assert values(ws, 6, 1, 6) == [1, "Повар", 2, 5, 2, 0.4]
	assert values(ws, 8, 1, 6) == ["Итого", None, 3, 6, 2, 0.333]


def test_employer_contract_event_and_feedback_sheets(book):
	ws = book["Работодатели"]
	assert [ws.cell(row=row, column=2).value for row in range(6, 10)] == [
		"Санкт-Петербург",
		"Ленинградская область",
		"Другой регион",
		"Регион не указан",
	]
	assert ws["A10"].value == "Итого"
	assert values(ws, 10, 3, 5) == [4, 3, 2]

	ws = book["Договоры"]
	assert ws.cell(row=8, column=2).value == "О сотрудничестве (партнёрстве)"
	assert values(ws, 8, 3, 6) == [4, 2, 1, 1]
	assert values(ws, 10, 3, 6) == [4, 2, 1, 1]

	ws = book["Мероприятия"]
	assert "D4:G4" in merged(ws) and ws["D4"].value == "Участники"
	fair = next(row for row in range(6, 14) if ws.cell(row=row, column=2).value == "Ярмарка вакансий")
	assert values(ws, fair, 3, 7) == [2, 10, 5, 3, 18]
	assert values(ws, 14, 1, 7) == ["Итого", None, 3, 10, 25, 3, 38]

	ws = book["Отзывы работодателей"]
	assert "D4:E4" in merged(ws)
	assert values(ws, 6, 2, 8) == ["Повар", 3, 2, 4.5, 1, 1, 0]
	assert ws["E6"].number_format == "0.00"
	# The overall average is the report's (12 points over 3 answers), not the mean of the rows' averages.
	assert values(ws, 8, 3, 8) == [4, 3, 4.0, 1, 1, 1]


def test_an_empty_year_has_its_tables_with_no_data_rows():
	empty = rules.snapshot(
		rules.YearFigures(
			retention={
				months: (*rules.checkpoint_cohort(2090, months), {}) for months in rules.RETENTION_CHECKPOINTS
			}
		)
	)
	book = load_workbook(BytesIO(xlsx.workbook_bytes(report_data(empty, year=2090))))
	ws = book["План работы"]
	assert ws["A6"].value == "Планов работы на отчётный год нет"
	assert "A6:K6" in merged(ws)
	assert book["Закрепление"]["H6"].value == tables.NO_VALUE
	summary = {
		book["Сводка"].cell(row=row, column=2).value: book["Сводка"].cell(row=row, column=3).value
		for row in range(6, book["Сводка"].max_row + 1)
	}
	assert summary["Доля выполненных мероприятий"] == tables.NO_VALUE
	assert summary["Средняя оценка удовлетворённости (1–5)"] == tables.NO_VALUE
	assert summary["Проведено мероприятий"] == 0


def test_the_workbook_says_what_it_is():
	book = load_workbook(BytesIO(xlsx.workbook_bytes(report_data())))
	assert book.properties.title.startswith("Годовой отчёт о выполнении плана работы")
	assert book.properties.creator == "ГАНПОУ ЛО «МЦ СиТИ»"
