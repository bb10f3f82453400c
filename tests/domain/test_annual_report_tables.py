"""The annual report's one table layout (``domain.annual_report_tables``): what the print format gets from it,
and the totals both the print and the XLSX show."""

from dataclasses import replace

from citi_employment.domain import annual_report as rules
from citi_employment.domain import annual_report_tables as tables

from .test_annual_report_xlsx import report_data

SECTION_OF_TABLE = {section.table: section for section in tables.SECTIONS}


def printed(table: str, data=None) -> dict:
	return tables.printed_table(data or report_data(), SECTION_OF_TABLE[table])


def texts(cells: list[dict]) -> list[str]:
	return [cell["text"] for cell in cells]


def test_every_child_table_has_one_section():
	assert [section.table for section in tables.SECTIONS] == list(rules.TABLES)


def test_header_runs_group_consecutive_columns_of_one_group():
	columns = SECTION_OF_TABLE["request_rows"].columns
	runs = tables.header_runs(columns)
	assert [(group, [column.key for column in run]) for group, run in runs] == [
		(None, ["profession"]),
		(None, ["requests"]),
		("Рабочих мест", ["positions", "filled", "filled_share"]),
	]


def test_the_print_has_the_xlsx_headers_with_their_spans_and_widths():
	table = printed("request_rows")
	top, bottom = table["header"]
	assert [(cell["text"], cell["rowspan"], cell["colspan"]) for cell in top] == [
		("Профессия", 2, 1),
		("Заявок", 2, 1),
		("Рабочих мест", 1, 3),
	]
	assert texts(bottom) == ["запрошено", "заполнено", "заполнено, %"]
	# Widths are the XLSX widths' shares (34, 10, 12, 12, 12 characters); a group cell has none.
	assert top[0]["width"] == 42.5 and top[2]["width"] is None
	assert sum(cell["width"] for cell in (top[0], top[1], *bottom)) == 100
	assert table["title"] == "Заявки работодателей о потребности в работниках"
	assert table["width"] == 5


def test_a_table_without_groups_has_one_header_row():
	section = tables.Section("t", "Лист", "Таблица", (tables.PROFESSION, tables.Column("n", "Число")))
	table = tables.printed_table(report_data(), section)
	assert len(table["header"]) == 1
	assert [cell["rowspan"] for cell in table["header"][0]] == [1, 1]


def test_printed_cells_are_worded_in_russian():
	table = printed("request_rows")
	assert texts(table["rows"][0]) == ["Повар", "2", "5", "2", "40,0"]
	assert [cell["number"] for cell in table["rows"][0]] == [False, True, True, True, True]
	assert texts(table["total"]) == ["Итого", "3", "6", "2", "33,3"]
	assert tables.printed(12345, tables.INT) == "12 345"
	assert tables.printed(tables.NO_VALUE, tables.PERCENT) == "—"
	assert tables.printed(4.333, tables.SCORE) == "4,33"
	assert tables.printed(None, tables.INT) == ""


def test_a_missing_choice_is_named_for_its_column():
	assert texts(printed("placement_rows")["rows"][1])[0] == "Профессия не указана"
	assert texts(printed("employer_rows")["rows"][3])[0] == "Регион не указан"


def test_a_column_off_paper_is_in_the_xlsx_only():
	section = SECTION_OF_TABLE["plan_rows"]
	assert "plan_status" in [column.key for column in section.columns]
	table = printed("plan_rows")
	assert "Статус плана" not in [cell["text"] for row in table["header"] for cell in row]
	assert texts(table["rows"][0])[:2] == ["WP-2026-H1", "I полугодие"]
	assert [cell["one_line"] for cell in table["rows"][0][:3]] == [True, True, False]
	assert table["width"] == len(section.columns) - 1


def test_a_distinct_count_totals_as_the_reports_figure_not_the_sum_of_its_rows():
	data = report_data()
	# One graduate placed in two professions: counted in each row, once in the figure.
	placed_twice = replace(data, figures={**data.figures, "graduates_placed": 2})
	section = SECTION_OF_TABLE["placement_rows"]
	rows = data.tables["placement_rows"]
	assert sum(row["graduates"] for row in rows) == 3
	assert tables.total_values(placed_twice, section, rows)["graduates"] == 2
	assert texts(printed("placement_rows", placed_twice)["total"])[2] == "2"


def test_an_empty_year_prints_each_tables_own_empty_row_and_no_total():
	data = replace(report_data(), tables={table: [] for table in rules.TABLES})
	table = printed("request_rows", data)
	assert table["rows"] == [] and table["total"] is None
	assert table["empty"] == "Заявок в отчётном году не поступало"
	assert printed("plan_rows", data)["empty"] == "Планов работы на отчётный год нет"
	assert printed("employer_rows", data)["empty"] == tables.NO_DATA


def test_sections_without_a_total_print_none():
	assert printed("retention_rows")["total"] is None


def test_every_key_figure_is_printed_in_its_kind():
	figures = tables.printed_figures(report_data())
	assert list(figures) == list(rules.FIGURES)
	assert (figures["plan_items"], figures["plan_done_share"]) == ("6", "33,3")
	assert (figures["working_share"], figures["retention_6_share"]) == ("60,0", "50,0")
	assert figures["satisfaction_average"] == "4,00"
	# Nobody reached twelve months: a dash, not «0,0».
	assert (figures["retention_12_reached"], figures["retention_12_share"]) == ("0", tables.NO_VALUE)
	assert set(tables.FIGURE_KINDS) <= set(rules.FIGURES)


def test_the_printed_outcomes_distribute_the_years_graduates():
	outcomes = tables.printed_outcomes(report_data())
	lines = {line["label"]: (line["graduates"], line["share"]) for line in outcomes["lines"]}
	assert [line["label"] for line in outcomes["lines"]] == [label for _key, label in tables.OUTCOME_LINES]
	assert lines["Работают у работодателя по месту трудоустройства"] == ("2", "40,0")
	assert lines["Продолжают обучение"] == ("1", "20,0")
	assert lines["Нет сведений мониторинга"] == ("1", "20,0")
	assert lines["Служба в армии"] == ("0", "0,0")
	assert outcomes["lines_total"] == {"graduates": "5", "share": "100,0"}
	assert outcomes["professions"] == [
		{"profession": "Повар", "graduates": "5", "working": "3", "share": "60,0"}
	]
	assert outcomes["professions_total"] == {"graduates": "5", "working": "3", "share": "60,0"}


def test_a_year_without_graduates_prints_dashes_for_its_shares():
	empty = report_data(figures={}, tables={})
	outcomes = tables.printed_outcomes(empty)
	assert {line["share"] for line in outcomes["lines"]} == {tables.NO_VALUE}
	assert outcomes["lines_total"] == {"graduates": "0", "share": tables.NO_VALUE}
	assert outcomes["professions"] == []
	assert outcomes["professions_total"]["share"] == tables.NO_VALUE
