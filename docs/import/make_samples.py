"""Regenerate the sample Data Import files in this folder: python docs/import/make_samples.py

The header rows are what Frappe's Data Import «Download Template» gives for the columns chosen here
(English labels; a desk in Russian offers the Russian labels, and the import accepts either).
The fifth employer has an ИНН with a wrong check digit and the fifth graduate an impossible phone number,
so the import shows how a bad row is reported while the good rows are kept.
"""

from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

HERE = Path(__file__).parent

EMPLOYER_HEADER = [
	"Full Company Name",
	"Abbreviated Name",
	"INN",
	"OGRN / OGRNIP",
	"KPP",
	"Type of Activity",
	"Founding Year",
	"Head of the Company",
	"Website",
	"Phone",
	"Email",
	"Region",
	"Status",
	"Quota Positions",
	"Special Workplaces",
	"Accessibility Notes",
]
EMPLOYER_ROWS = [
	[
		"Общество с ограниченной ответственностью «Всеволожский хлебозавод»",
		"ООО «Всеволожский хлебозавод»",
		"4703000019",
		"1024700000005",
		"470301001",
		"Производство хлеба и хлебобулочных изделий",
		1998,
		"Кузнецов Андрей Петрович",
		"https://hleb-vsev.example.ru",
		"+7 (813) 702-11-22",
		"hr@hleb-vsev.example.ru",
		"Leningrad Oblast",
		"Active Partner",
		3,
		1,
		"Пандус у проходной, лифт в административном корпусе",
	],
	[
		"Акционерное общество «Невская кухня»",
		"АО «Невская кухня»",
		"7801000012",
		"1027800000007",
		"780101001",
		"Общественное питание",
		2005,
		"Орлова Елена Игоревна",
		"https://nevkitchen.example.ru",
		"8 812 555-10-20",
		"kadry@nevkitchen.example.ru",
		"Saint Petersburg",
		"Potential",
		2,
		0,
		"",
	],
	[
		"Индивидуальный предприниматель Смирнова Ольга Викторовна",
		"ИП Смирнова О.В.",
		"500100732259",
		"304500116000157",
		"",
		"Химчистка и ремонт одежды",
		2015,
		"Смирнова Ольга Викторовна",
		"",
		"+7 921 765-43-21",
		"",
		"Leningrad Oblast",
		"Potential",
		0,
		1,
		"Рабочее место швеи оборудовано для работы сидя",
	],
	[
		"Санкт-Петербургское государственное бюджетное учреждение «Комбинат социального питания»",
		"СПб ГБУ «Комбинат социального питания»",
		"7802000015",
		"1037800000006",
		"780201001",
		"Организация питания в социальных учреждениях",
		1987,
		"Васильев Игорь Николаевич",
		"",
		"+7 812 246-80-00",
		"info@ksp.example.ru",
		"Saint Petersburg",
		"Active Partner",
		5,
		2,
		"",
	],
	[
		"Общество с ограниченной ответственностью «Чистый город»",
		"ООО «Чистый город»",
		"4703000018",
		"",
		"",
		"Уборка территорий",
		2019,
		"",
		"",
		"",
		"",
		"Leningrad Oblast",
		"Potential",
		0,
		0,
		"ИНН с неверной контрольной цифрой: строка для примера отчёта об ошибках",
	],
]

GRADUATE_HEADER = [
	"Last Name",
	"First Name",
	"Patronymic",
	"Gender",
	"Date of Birth",
	"Marital Status",
	"Phone",
	"Email",
	"Registration Address",
	"Actual Address",
	"Profession",
	"Group Code",
	"Study Start",
	"Study End",
	"Certificate Number",
]
GRADUATE_ROWS = [
	[
		"Иванов",
		"Иван",
		"Иванович",
		"Male",
		date(2004, 5, 17),
		"Single",
		"+7 911 123-45-67",
		"",
		"188640, Ленинградская обл., г. Всеволожск, ул. Ленина, д. 1, кв. 2",
		"",
		"Повар",
		"00.00 – ПП 00001",
		date(2022, 9, 1),
		date(2025, 6, 30),
		"470000012345",
	],
	[
		"Петрова",
		"Анна",
		"Сергеевна",
		"Female",
		date(2005, 2, 3),
		"Single",
		"8 921 987-65-43",
		"anna.petrova@example.ru",
		"188643, Ленинградская обл., г. Всеволожск, Колтушское ш., д. 10",
		"",
		"Повар",
		"00.00 – ПП 00001",
		date(2022, 9, 1),
		date(2025, 6, 30),
		"470000012346",
	],
	[
		"Сидоров",
		"Павел",
		"Андреевич",
		"Male",
		date(2003, 11, 21),
		"Married",
		"+7 (981) 111-22-33",
		"",
		"195009, г. Санкт-Петербург, ул. Комсомола, д. 5",
		"188640, Ленинградская обл., г. Всеволожск, ул. Заводская, д. 3",
		"Швея",
		"00.00 – ПП 00002",
		date(2021, 9, 1),
		date(2024, 6, 28),
		"470000011001",
	],
	[
		"Ким",
		"Мария",
		"",
		"Female",
		date(2006, 8, 9),
		"Single",
		"",
		"",
		"188689, Ленинградская обл., Всеволожский р-н, д. Разметелево, д. 4",
		"",
		"Швея",
		"00.00 – ПП 00003",
		date(2023, 9, 1),
		date(2026, 6, 30),
		"",
	],
	[
		"Фёдоров",
		"Олег",
		"Игоревич",
		"Male",
		date(2004, 1, 30),
		"Single",
		"+7 123 45",
		"",
		"188640, Ленинградская обл., г. Всеволожск, ул. Победы, д. 7",
		"",
		"Повар",
		"00.00 – ПП 00001",
		date(2022, 9, 1),
		date(2025, 6, 30),
		"470000012347",
	],
]


def write(path: Path, header: list[str], rows: list[list]) -> None:
	workbook = Workbook()
	sheet = workbook.active
	sheet.append(header)
	for cell in sheet[1]:
		cell.font = Font(bold=True)
	for row in rows:
		sheet.append(row)
	for column in sheet.columns:
		width = max(len(str(cell.value or "")) for cell in column)
		sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 10), 60)
		for cell in column:
			if isinstance(cell.value, date):
				cell.number_format = "DD.MM.YYYY"
	workbook.save(path)


if __name__ == "__main__":
	write(HERE / "employers.xlsx", EMPLOYER_HEADER, EMPLOYER_ROWS)
	write(HERE / "graduates.xlsx", GRADUATE_HEADER, GRADUATE_ROWS)
