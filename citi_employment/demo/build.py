"""What the demo holds, record by record: the values each DocType gets, drawn from one seeded generator.

The dates and statuses come from the app's rules (``citi_employment.domain.demo`` and the domain modules it
uses); this module maps them to fields and hands them to the bulk writer. Rare records whose making is a
service of its own (the destruction of revoked consents, the annual reports) go through that service.
"""

import hashlib
import multiprocessing
import multiprocessing.connection
import os
import random
import traceback
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

import frappe
from frappe.utils import getdate

from citi_employment.citi_employment.doctype.employer_contract.employer_contract import (
	registration_series_key,
)
from citi_employment.domain import consents as consent_rules
from citi_employment.domain import demo as rules
from citi_employment.domain import demo_identifiers as ids
from citi_employment.domain import demo_people as people
from citi_employment.domain import monitoring as monitoring_rules
from citi_employment.domain import vacancies as vacancy_rules
from citi_employment.domain.annual_report import EVENT_TYPES
from citi_employment.domain.contracts import format_registration_number
from citi_employment.domain.employer import normalize_company_name
from citi_employment.domain.employer_interactions import mode_of
from citi_employment.domain.graduate import age_on, derive_employment_status, is_minor_on
from citi_employment.domain.resume import application_status
from citi_employment.domain.work_plan import PlanStatus, plan_name
from citi_employment.roles import (
	ADMISSIONS_COMMITTEE,
	EMPLOYMENT_CENTER_HEAD,
	EMPLOYMENT_SPECIALIST,
	INSTITUTION_DIRECTOR,
	PRACTICE_SUPERVISOR,
	PSYCHOLOGIST,
	SOCIAL_PEDAGOGUE,
	TEACHER,
)

# (profession, ОКПДТР code, taught at the Center); the vocational programmes of an inclusive college.
PROFESSIONS = (
	("Повар", "16675", True),
	("Кухонный рабочий", "13249", True),
	("Пекарь", "16472", True),
	("Швея", "19601", True),
	("Столяр", "18874", True),
	("Маляр", "13450", True),
	("Штукатур", "19727", True),
	("Рабочий зелёного хозяйства", "17531", True),
	("Садовник", "18103", True),
	("Цветовод", "19524", True),
	("Уборщик производственных и служебных помещений", "19258", True),
	("Горничная", "11695", True),
	("Оператор электронно-вычислительных и вычислительных машин", "16199", True),
	("Переплётчик", "16671", True),
	("Грузчик", "11768", False),
	("Курьер", "13216", False),
)
# The trade an employer is in, the professions it asks for, and words for its name.
TRADES = (
	(
		"Общественное питание",
		("Повар", "Кухонный рабочий"),
		("Трапеза", "Вкусный двор", "Кулинар", "Столовая №"),
	),
	("Хлебопечение", ("Пекарь", "Кухонный рабочий"), ("Хлебный дом", "Каравай", "Пекарня", "Булочная")),
	("Швейное производство", ("Швея",), ("Ателье", "Швейная мастерская", "Северная нить", "Текстиль")),
	("Деревообработка", ("Столяр",), ("Мебельная фабрика", "Древо", "Столярный двор", "Лесопилка")),
	(
		"Строительство и ремонт",
		("Маляр", "Штукатур", "Грузчик"),
		("Ремстрой", "Отделка", "СтройМастер", "Фасад"),
	),
	(
		"Благоустройство и озеленение",
		("Рабочий зелёного хозяйства", "Садовник", "Цветовод"),
		("Зелёный город", "Сад и парк", "Флора", "Питомник"),
	),
	(
		"Клининг и гостиничные услуги",
		("Уборщик производственных и служебных помещений", "Горничная"),
		("Чистый дом", "Клин-Сервис", "Отель Нева", "Гостевой двор"),
	),
	(
		"Полиграфия и офисные услуги",
		("Оператор электронно-вычислительных и вычислительных машин", "Переплётчик"),
		("Типография", "Печатный двор", "Офис-Сервис", "Цифровой архив"),
	),
	(
		"Логистика и доставка",
		("Грузчик", "Курьер"),
		("Быстрая доставка", "Склад-Логистик", "Северный терминал"),
	),
)
TOWNS = (
	(
		"Saint Petersburg",
		"г. Санкт-Петербург",
		("Невский пр.", "ул. Садовая", "пр. Просвещения", "ул. Коллонтай"),
	),
	("Leningrad Oblast", "Ленинградская обл., г. Всеволожск", ("Всеволожский пр.", "ул. Аэропортовская")),
	("Leningrad Oblast", "Ленинградская обл., г. Гатчина", ("пр. 25 Октября", "ул. Соборная")),
	("Leningrad Oblast", "Ленинградская обл., г. Выборг", ("пр. Ленина", "ул. Крепостная")),
	("Leningrad Oblast", "Ленинградская обл., г. Тосно", ("пр. Ленина", "ул. Боярова")),
	("Other", "Новгородская обл., г. Великий Новгород", ("ул. Большая Московская",)),
)
COMPANY_FORMS = (
	("ООО", "Общество с ограниченной ответственностью", 0.7),
	("АО", "Акционерное общество", 0.1),
	("СПб ГБУ", "Санкт-Петербургское государственное бюджетное учреждение", 0.1),
	("ЛОГБУ", "Ленинградское областное государственное бюджетное учреждение", 0.1),
)
POSITIONS = {
	"Повар": "повар",
	"Кухонный рабочий": "кухонный рабочий",
	"Пекарь": "пекарь",
	"Швея": "швея",
	"Столяр": "столяр",
	"Маляр": "маляр",
	"Штукатур": "штукатур",
	"Рабочий зелёного хозяйства": "рабочий зелёного хозяйства",
	"Садовник": "садовник",
	"Цветовод": "цветовод",
	"Уборщик производственных и служебных помещений": "уборщик помещений",
	"Горничная": "горничная",
	"Оператор электронно-вычислительных и вычислительных машин": "оператор ЭВМ",
	"Переплётчик": "переплётчик",
	"Грузчик": "грузчик",
	"Курьер": "курьер",
}
EVENT_SUBJECTS = {
	"Open Day": "День открытых дверей для работодателей",
	"Working Meeting": "Рабочая встреча с наставниками предприятий",
	"Employer Consultation": "Консультация работодателей по квотированию рабочих мест",
	"Seminar": "Семинар «Сопровождаемое трудоустройство выпускников»",
	"Webinar": "Вебинар «Адаптация рабочего места»",
	"Conference": "Региональная конференция по инклюзивному трудоустройству",
	"Job Fair": "Ярмарка вакансий",
	"Career Guidance": "Профориентационная встреча со студентами",
}
PLAN_ACTIVITIES = (
	"Мониторинг трудоустройства выпускников",
	"Обновление банка данных работодателей",
	"Проведение ярмарки вакансий",
	"Консультации выпускников по вопросам трудоустройства",
	"Заключение договоров о сотрудничестве",
	"Подготовка резюме выпускников",
	"Организация производственной практики",
	"Подготовка отчёта о трудоустройстве",
	"Участие в работе регионального совета по трудоустройству",
	"Информирование о вакансиях на сайте",
)
INTERACTION_TOPICS = (
	"Обсуждение заявки на вакансию",
	"Условия прохождения практики",
	"Квотируемые рабочие места",
	"Отзыв о работе выпускника",
	"Продление договора о сотрудничестве",
	"Наставничество на рабочем месте",
)
QUALITIES = (
	"Аккуратный, исполнительный, доброжелательный",
	"Ответственная, внимательная, спокойная",
	"Трудолюбивый, пунктуальный, умеет работать в команде",
	"Добросовестная, вежливая, старательная",
)
DEMO_USERS = (
	# (role, local part, how many per 10 000 graduates, at least)
	(EMPLOYMENT_CENTER_HEAD, "head", 0, 1),
	(EMPLOYMENT_SPECIALIST, "specialist", 1, 3),
	(INSTITUTION_DIRECTOR, "director", 0, 1),
	(PSYCHOLOGIST, "psychologist", 0, 1),
	(SOCIAL_PEDAGOGUE, "social-pedagogue", 0, 1),
	(TEACHER, "teacher", 0, 1),
	(ADMISSIONS_COMMITTEE, "admissions", 0, 1),
	(PRACTICE_SUPERVISOR, "practice-supervisor", 0, 1),
)
FIRST_EMPLOYER_YEAR = 1992
CHECKPOINT_GRADUATES = 2000
DESTROYED_CONSENTS = 5
# The most records of a series one graduate can bring (placements: 4, each with up to 6 checks): the size of
# a worker's block of names.
NAMES_PER_GRADUATE = {
	"Graduate": 1,
	"Personal Data Consent": 3,
	"Employment Assistance Application": 1,
	"Student Resume": 1,
	"Mentor Recommendation": 1,
	"Graduate Placement": 4,
	"Vacancy Candidate": 4,
	"Employment Monitoring Record": 24,
	"Employer Feedback Request": 24,
	"Personal Data Transfer": 1,
	"Employer Dossier": 1,
}
# A consent's rows of one of its category tables: every category of the form its signer signed (the minor's
# form lacks a few), in the form's order. A row's name is its consent's name and its place,
# «PDC-2026-00001-07»: unique, and made in SQL. The two statements share their columns and their SELECT.
CATEGORY_COLUMNS = """(`name`, `creation`, `modified`, `modified_by`, `owner`, `docstatus`, `idx`,
	`parent`, `parentfield`, `parenttype`, `category`"""
NUMBERED_CATEGORIES = """
SELECT CONCAT(numbered.parent, '-', LPAD(numbered.idx, 2, '0')), numbered.creation, numbered.creation,
	numbered.owner, numbered.owner, numbered.docstatus, numbered.idx,
	numbered.parent, %(parentfield)s, 'Personal Data Consent', numbered.category"""
OF_CONSENTS = """
FROM (
	SELECT consent.name AS parent, consent.creation, consent.owner, consent.docstatus, category.name AS category,
		ROW_NUMBER() OVER (PARTITION BY consent.name ORDER BY category.sort_order, category.name) AS idx
	FROM `tabPersonal Data Consent` consent
	JOIN `tabPersonal Data Category` category
		ON category.in_minor_form = 1 OR consent.signer != %(representative)s
	WHERE consent.name IN %(names)s AND consent.kind = %(kind)s
) numbered
"""
CONSENT_CATEGORY_ROWS = (
	"INSERT INTO `tabConsent Data Category` " + CATEGORY_COLUMNS + ")" + NUMBERED_CATEGORIES + OF_CONSENTS
)
# About a third of the items are allowed, the same ones for the same consent on every run.
DISSEMINATION_ITEM_ROWS = (
	"INSERT INTO `tabConsent Dissemination Item` "
	+ CATEGORY_COLUMNS
	+ ", `allowed`)"
	+ NUMBERED_CATEGORIES
	+ ", CRC32(CONCAT(numbered.parent, numbered.category)) %% 10 < 3"
	+ OF_CONSENTS
)


def program_name(profession: str) -> str:
	return f"Адаптированная образовательная программа профессионального обучения по профессии «{profession}»"


def at(day: date, hour: int = 10) -> datetime:
	return datetime.combine(day, time(hour, 0))


@dataclass
class Employer:
	name: str
	short_name: str
	trade: int
	region: str
	status: str
	requests: list = field(default_factory=list)


@dataclass
class Request:
	values: dict
	employer: Employer
	open_positions: int


class DemoBuilder:
	def __init__(
		self, writer, sizes: rules.Sizes, seed: int, domain: str, progress=None, commit=False, workers=1
	):
		self.writer = writer
		self.commit = commit
		self.seed = seed
		self.workers = workers
		self.sizes = sizes
		self.rng = random.Random(seed)
		self.domain = domain
		self.progress = progress or (lambda label, step=1: None)
		self.today = getdate()
		self.users: dict[str, list[str]] = {}
		self.professions: list[str] = []
		self.employers: list[Employer] = []
		self.employer_values: dict[str, dict] = {}
		self.employers_by_trade: dict[int, list[Employer]] = defaultdict(list)
		self.requests_by_profession: dict[str, list[Request]] = defaultdict(list)
		self.requests: list[Request] = []
		self.revoked: list[str] = []
		self.graduates_needing_contract: list[tuple] = []
		# A graduate's processing consents (signed on, name): a transfer names the one in force that day.
		self.processing_consents: dict[str, list[tuple]] = {}
		self.consent_names: list[str] = []
		self.graduate_names: dict[str, str] = {}

	def checkpoint(self) -> None:
		"""Write what is queued and, from the command line, commit: a region's load is no one transaction."""
		self.writer.flush()
		self.fill_consent_categories()
		if self.commit:
			frappe.db.commit()

	def fill_consent_categories(self) -> None:
		"""The consents' category rows, made by the database from the category master: every category of the
		form the signer signed (the minor's form lacks a few), in the form's order, as the consent controller
		fills them (``set_scope_defaults``); a dissemination consent lists them with some allowed. Two
		statements a batch instead of some forty rows a graduate through Python."""
		names, self.consent_names = self.consent_names, []
		if not names:
			return
		values = {"names": tuple(names), "representative": consent_rules.LEGAL_REPRESENTATIVE}
		frappe.db.sql(
			CONSENT_CATEGORY_ROWS,
			{**values, "kind": consent_rules.PROCESSING, "parentfield": "data_categories"},
		)
		frappe.db.sql(
			DISSEMINATION_ITEM_ROWS,
			{**values, "kind": consent_rules.DISSEMINATION, "parentfield": "dissemination_items"},
		)

	# --- people of the Center ---------------------------------------------------------------------

	def user(self, role: str) -> str:
		return self.rng.choice(self.users[role])

	@property
	def head(self) -> str:
		return self.users[EMPLOYMENT_CENTER_HEAD][0]

	def make_users(self) -> None:
		"""The Center's staff, one desk user per person (inserted through the User controller)."""
		rng = random.Random(1)
		for role, local, per_10k, least in DEMO_USERS:
			count = max(least, self.sizes.graduates * per_10k // 10_000)
			emails = []
			for number in range(1, count + 1):
				email = f"{local}{number if count > 1 else ''}@{self.domain}"
				if not frappe.db.exists("User", email):
					person = people.make_person(rng)
					user = frappe.get_doc(
						{
							"doctype": "User",
							"email": email,
							"first_name": person.first_name,
							"middle_name": person.patronymic,
							"last_name": person.last_name,
							"send_welcome_email": 0,
							"user_type": "System User",
							"language": "ru",
							"roles": [{"role": role}],
						}
					)
					user.flags.ignore_permissions = True
					user.insert()
				emails.append(email)
			self.users[role] = emails

	# --- reference data ---------------------------------------------------------------------------

	def make_professions(self) -> None:
		for name, code, taught in PROFESSIONS:
			self.professions.append(name)
			# A profession the site already had stays the site's, not the demo's.
			if not frappe.db.exists("Profession", name):
				self.writer.add(
					"Profession",
					{
						"name": name,
						"profession_name": name,
						"okpdtr_code": code,
						"taught_here": int(taught),
						"program_name": program_name(name) if taught else None,
						"description": f"Профессия «{name}» по ОКПДТР {code}.",
					},
					self.head,
				)
			self.writer.add(
				"Professiogram",
				{
					"profession": name,
					"prepared_by": self.user(PSYCHOLOGIST),
					"prepared_on": self.today - timedelta(days=400),
					"work_content": f"Основные трудовые действия по профессии «{name}» по инструкции и образцу.",
					"working_conditions": "Помещение с естественным освещением, работа в смену 8 часов.",
					"intellectual_load": "Невысокая: операции повторяются, задания даются пошагово.",
					"physical_load": "Средняя: работа стоя, перенос грузов до 10 кг.",
					"contraindications": "Выраженные нарушения координации движений.",
					"adaptations_needed": "Наставник на рабочем месте в первые три месяца, визуальные инструкции.",
				},
				self.head,
			)

	# --- employers --------------------------------------------------------------------------------

	def make_employers(self) -> None:
		rng = self.rng
		self.used_inns = set(frappe.get_all("Employer", filters={"inn": ("is", "set")}, pluck="inn"))
		for _number in range(self.sizes.employers):
			trade_index = rng.randrange(len(TRADES))
			activity, _professions, words = TRADES[trade_index]
			short_form, long_form, _share = rng.choices(
				COMPANY_FORMS, weights=[form[2] for form in COMPANY_FORMS]
			)[0]
			title = f"{rng.choice(words)}{rng.randint(1, 99) if words[-1].endswith('№') else ''}"
			if rng.random() < 0.5:
				title = (
					f"{title} {rng.choice(('Север', 'Нева', 'Плюс', 'Люкс', 'Профи', 'Сервис', 'Ладога'))}"
				)
			region, town, streets = rng.choice(TOWNS)
			inn = ids.organization_inn(rng, "78" if region == "Saint Petersburg" else "47")
			while inn in self.used_inns:  # one employer per ИНН (a unique column)
				inn = ids.organization_inn(rng, "78" if region == "Saint Petersburg" else "47")
			self.used_inns.add(inn)
			founded = rng.randint(FIRST_EMPLOYER_YEAR, self.today.year - 1)
			head = people.make_person(rng)
			status = rng.choices(("Active Partner", "Potential", "Inactive"), weights=(0.5, 0.35, 0.15))[0]
			short_name = f"{short_form} «{title}»"
			values = {
				"name": self.writer.new_name("Employer"),
				"full_name": f"{long_form} «{title}»",
				"short_name": short_name,
				"activity": activity,
				"status": status,
				"region": region,
				"founding_year": founded,
				"head_name": people.initials(head),
				"inn": inn,
				"ogrn": ids.ogrn(rng, inn, founded),
				"kpp": ids.kpp(inn),
				"name_key": normalize_company_name(short_name),
				"website": None,
				"phone": ids.city_phone(rng),
				"email": f"hr{rng.randint(1, 99999)}@example.org",
				"quota_positions": rng.choice((0, 0, 1, 2, 3, 5)),
				"special_workplaces": rng.choice((0, 0, 0, 1, 2)),
				"accessibility_notes": rng.choice(
					(None, "Пандус на входе, лифт.", "Есть комната отдыха, гибкий график для наставляемых.")
				),
				"_owner": self.user(EMPLOYMENT_SPECIALIST),
				"_created": at(self.today - timedelta(days=rng.randrange(30, 365 * self.sizes.years))),
			}
			self.employer_values[values["name"]] = values
			employer = Employer(values["name"], short_name, trade_index, region, status)
			self.employers.append(employer)
			self.employers_by_trade[trade_index].append(employer)
			self.progress("employers")

	def write_employers(self) -> None:
		"""Written after the interactions, which give each employer its last contact date."""
		for values in self.employer_values.values():
			owner, created = values.pop("_owner"), values.pop("_created")
			self.writer.add("Employer", values, owner, created)

	# --- vacancy requests -------------------------------------------------------------------------

	def make_requests(self) -> None:
		"""Requests are kept until the placements are known: their status and filled count follow them."""
		rng = self.rng
		partners = [
			employer for employer in self.employers if employer.status != "Potential"
		] or self.employers
		for _number in range(self.sizes.vacancy_requests):
			employer = rng.choice(partners)
			profession = rng.choice(TRADES[employer.trade][1])
			compiled = self.today - timedelta(days=rng.randrange(0, 365 * self.sizes.years))
			kind = rng.choices(vacancy_rules.KINDS, weights=(0.8, 0.1, 0.1))[0]
			positions = rng.choice((1, 1, 1, 2, 2, 3, 5))
			salary = rng.randrange(22_000, 60_000, 500)
			status = rng.choices(
				(
					vacancy_rules.DRAFT,
					vacancy_rules.REGISTERED,
					vacancy_rules.IN_PROGRESS,
					vacancy_rules.CLOSED,
					vacancy_rules.CANCELLED,
				),
				weights=(0.05, 0.25, 0.5, 0.12, 0.08),
			)[0]
			contact = people.make_person(rng)
			values = {
				"name": self.writer.new_name("Vacancy Request"),
				"employer": employer.name,
				"kind": kind,
				"status": status,
				"compiled_on": compiled,
				"expected_start_date": compiled + timedelta(days=rng.randrange(7, 60)),
				"positions_count": positions,
				"filled_count": 0,
				"position": POSITIONS[profession],
				"profession": profession,
				"department": rng.choice((None, "Основное производство", "Хозяйственный отдел", "Цех №1")),
				"reports_to": rng.choice(("Мастер участка", "Заведующий производством", "Начальник смены")),
				"schedule": rng.choice(
					("5/2, с 9:00 до 18:00", "2/2, с 8:00 до 20:00", "5/2, неполный день")
				),
				"probation_period": rng.choice(("нет", "1 месяц", "3 месяца")),
				"salary": salary,
				"probation_salary": salary - 2_000 if rng.random() < 0.3 else None,
				"education_requirement": "Профессиональное обучение по профессии",
				"pc_skills": rng.choice((None, "Не требуется", "Пользователь")),
				"sent_to_admissions_committee": int(kind == vacancy_rules.TARGETED_TRAINING),
				"sent_on": compiled if kind == vacancy_rules.TARGETED_TRAINING else None,
				"contact_person": people.initials(contact),
				"contact_person_position": "специалист по кадрам",
				"contact_phone": ids.city_phone(rng),
				"contact_email": f"hr{rng.randint(1, 99999)}@example.org",
			}
			request = Request(
				values,
				employer,
				positions if status in (*vacancy_rules.OPEN_STATUSES, vacancy_rules.CLOSED) else 0,
			)
			employer.requests.append(request)
			self.requests.append(request)
			if request.open_positions:
				self.requests_by_profession[profession].append(request)
			self.progress("requests")

	def write_requests(self) -> None:
		for request in self.requests:
			values = request.values
			values["status"] = vacancy_rules.status_after_placements(
				values["status"], values["positions_count"], values["filled_count"]
			)
			last_filled = values.pop("_last_filled", None)
			if values["status"] == vacancy_rules.FILLED and last_filled:
				values["closed_on"] = last_filled
			elif values["status"] in (vacancy_rules.FILLED, vacancy_rules.CLOSED, vacancy_rules.CANCELLED):
				values["closed_on"] = min(
					max(values["compiled_on"], last_filled or values["compiled_on"])
					+ timedelta(days=self.rng.randrange(20, 120)),
					self.today,
				)
			employer = self.employer_values[request.employer.name]
			values.update(
				employer_full_name=employer["full_name"],
				employer_contacts=", ".join(v for v in (employer["phone"], employer["email"]) if v),
				website=employer["website"],
				activity=employer["activity"],
				founding_year=employer["founding_year"],
				head_name=employer["head_name"],
				employer_region=employer["region"],
			)
			created = at(values["compiled_on"])
			self.writer.add("Vacancy Request", values, self.user(EMPLOYMENT_SPECIALIST), created)
			if self.rng.random() < 0.3:
				self.writer.add(
					"Vacancy Internal Requirements",
					{
						"name": values["name"],
						"vacancy_request": values["name"],
						"age_requirement": self.rng.choice((None, "от 18 лет")),
						"gender_requirement": self.rng.choice(("Any", "Any", "Male", "Female")),
					},
					self.head,
					created,
				)

	def take_request(self, profession: str, taken: set) -> Request | None:
		"""An open request for the profession that the graduate was not yet a candidate for (one candidate
		per graduate and request, vacancy_candidate.validate_unique)."""
		requests = self.requests_by_profession.get(profession)
		attempts = 0
		while requests and attempts < 5:
			request = self.rng.choice(requests)
			if request.values["name"] in taken:
				attempts += 1
				continue
			if request.open_positions > 0:
				taken.add(request.values["name"])
				request.open_positions -= 1
				request.values["filled_count"] += 1
				return request
			requests.remove(request)
		return None

	# --- graduates and everything about them ------------------------------------------------------

	def plan_graduates(self) -> None:
		"""The graduates' studies, jobs and revocations (``domain.demo.plan_graduates``), and the settings
		their records follow."""
		self.plans = rules.plan_graduates(self.sizes, self.seed, self.today)
		self.destruction_days = (
			frappe.db.get_single_value("Employment Center Settings", "revocation_destruction_days") or 30
		)
		self.website = frappe.db.get_single_value("Employment Center Settings", "institution_website")

	def make_revoking_graduates(self) -> None:
		"""The graduates who revoke their consent, first and in this process: the destruction service then
		searches tables that hold little else (each destruction reads every record about the graduate)."""
		indexes = [index for index, plan in enumerate(self.plans) if plan.revoke]
		self.make_graduate_range(indexes, self.plans)
		self.count_consent_rows()

	def make_graduates(self) -> None:
		"""Everyone else, in ``self.workers`` processes when there are more than one."""
		indexes = [index for index, plan in enumerate(self.plans) if not plan.revoke]
		if self.workers > 1:
			self.make_graduates_in_workers(indexes, self.plans)
		else:
			self.make_graduate_range(indexes, self.plans)
		self.count_consent_rows()

	def count_consent_rows(self) -> None:
		"""The consents' category rows are made in SQL (``fill_consent_categories``), so counted there."""
		for doctype in ("Consent Data Category", "Consent Dissemination Item"):
			self.writer.counts[doctype] = frappe.db.count(doctype, {"owner": ("like", f"%@{self.domain}")})

	def make_graduate_range(self, indexes, plans) -> None:
		for number, index in enumerate(indexes, start=1):
			self.make_graduate(index, plans[index])
			self.progress("graduates")
			if number % CHECKPOINT_GRADUATES == 0:
				self.checkpoint()
		self.checkpoint()
		self.processing_consents.clear()

	def make_graduates_in_workers(self, indexes, plans) -> None:
		"""The graduates in ``self.workers`` processes, each with its own connection, share of the graduates
		and of the vacancy requests, and block of names in every series it draws from (the blocks leave a gap
		between them, as deleted records do). A region's graduates are nine tenths of the load; two processes
		keep both cores busy, one making records while the other's INSERT runs."""
		workers = self.workers
		self.writer.flush()
		frappe.db.commit()
		share = -(-len(indexes) // workers)
		starts = {}
		for doctype, per_graduate in NAMES_PER_GRADUATE.items():
			key, _digits = self.writer.series_key(doctype)
			first = self.writer.peek_series(key)
			starts[doctype] = [first + number * share * per_graduate for number in range(workers)]
		context = multiprocessing.get_context("fork")
		pipes, processes = [], []
		for number in range(workers):
			receiver, sender = context.Pipe(duplex=False)
			process = context.Process(
				target=self.run_worker,
				args=(
					sender,
					number,
					indexes[number::workers],
					plans,
					{d: s[number] for d, s in starts.items()},
				),
			)
			process.start()
			sender.close()
			pipes.append(receiver)
			processes.append(process)
		results, errors = [], []
		while pipes:
			for pipe in multiprocessing.connection.wait(pipes):
				try:
					kind, payload = pipe.recv()
				except EOFError:
					pipes.remove(pipe)
					continue
				if kind == "progress":
					self.progress("graduates", payload)
				elif kind == "error":
					errors.append(payload)
				else:
					results.append(payload)
		for process in processes:
			process.join()
		# A new snapshot: the workers' records were committed after this connection last read.
		frappe.db.commit()
		if errors or len(results) != workers:
			raise RuntimeError("A demo worker failed:\n" + "\n".join(errors))
		for result in results:
			for doctype, count in result["counts"].items():
				self.writer.counts[doctype] = self.writer.counts.get(doctype, 0) + count
			for key, current in result["series"].items():
				self.writer.series[key] = max(self.writer.series.get(key, 0), current)
			for index, filled, last_filled in result["requests"]:
				values = self.requests[index].values
				values["filled_count"] = filled
				if last_filled:
					values["_last_filled"] = last_filled
			self.graduates_needing_contract.extend(result["contracts"])
			self.graduate_names.update(result["graduate_names"])
			self.revoked.extend(result["revoked"])

	def run_worker(self, sender, number: int, indexes, plans, starts: dict) -> None:
		"""In the forked process: a connection of its own (the parent's socket is left alone), its graduates,
		then what the parent needs back. Ends with ``os._exit``: nothing of the parent's is closed or flushed."""
		try:
			frappe.connect(set_admin_as_user=False)
			# The workers insert into the same tables at once; under READ COMMITTED the INSERT … SELECT of the
			# consents' categories takes no shared locks on the consents the other worker is adding (a deadlock
			# would roll back a whole batch).
			frappe.db.sql("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED")
			frappe.set_user(self.head)
			self.writer = self.writer.fresh()
			for doctype, start in starts.items():
				key, _digits = self.writer.series_key(doctype)
				self.writer.series[key] = start
			self.rng = random.Random(self.seed * 100 + number + 1)
			# What this process sends back is its own graduates' only (the parent holds the earlier ones).
			self.graduates_needing_contract, self.graduate_names, self.revoked = [], {}, []
			mine = [request for index, request in enumerate(self.requests) if index % self.workers == number]
			self.requests_by_profession = defaultdict(list)
			for request in mine:
				if request.open_positions:
					self.requests_by_profession[request.values["profession"]].append(request)
			made = [0]

			def progress(label, step=1):
				made[0] += step
				if made[0] % 100 == 0:
					sender.send(("progress", 100))

			self.progress = progress
			self.make_graduate_range(indexes, plans)
			sender.send(("progress", made[0] % 100))
			positions = {id(request): index for index, request in enumerate(self.requests)}
			sender.send(
				(
					"done",
					{
						"counts": self.writer.counts,
						"series": self.writer.series,
						"requests": [
							(
								positions[id(request)],
								request.values["filled_count"],
								request.values.get("_last_filled"),
							)
							for request in mine
						],
						"contracts": self.graduates_needing_contract,
						"graduate_names": self.graduate_names,
						"revoked": self.revoked,
					},
				)
			)
		except BaseException:
			frappe.db.rollback()
			sender.send(("error", traceback.format_exc()))
		finally:
			sender.close()
			os._exit(0)

	def make_graduate(self, index, plan: rules.GraduatePlan) -> None:
		rng, today = self.rng, self.today
		study_start, study_end, periods, revoke = plan.study_start, plan.study_end, plan.periods, plan.revoke
		person = people.make_person(rng)
		born = rules.date_of_birth(rng, study_start, rng.random() < rules.MINOR_AT_ADMISSION_SHARE)
		profession_name, _code, _taught = rng.choice([row for row in PROFESSIONS if row[2]])
		region, town, streets = rng.choice(TOWNS[:5])
		address = f"{town}, {rng.choice(streets)}, д. {rng.randint(1, 120)}, кв. {rng.randint(1, 300)}"
		specialist = self.user(EMPLOYMENT_SPECIALIST)
		created = at(study_start, 11)
		representatives = []
		if is_minor_on(born, study_start):
			parent_gender = rng.choice((people.FEMALE, people.FEMALE, people.MALE))
			parent = people.make_person(rng, parent_gender, people.masculine_surname(person))
			basis = rng.choices(
				("Parent", "Adoptive Parent", "Guardian", "Custodian"), weights=(0.85, 0.03, 0.08, 0.04)
			)[0]
			if basis in ("Guardian", "Custodian"):
				parent = people.make_person(rng, parent_gender)
			representatives.append(
				{
					"last_name": parent.last_name,
					"first_name": parent.first_name,
					"patronymic": parent.patronymic,
					"full_name": f"{parent.last_name} {parent.first_name} {parent.patronymic}",
					"basis": basis,
					"phone": ids.mobile_phone(rng),
					"address": address,
				}
			)
		group = f"{profession_name[:2].upper()}-{study_start.year % 100:02d}"
		graduate = self.writer.add(
			"Graduate",
			{
				"last_name": person.last_name,
				"first_name": person.first_name,
				"patronymic": person.patronymic,
				"full_name": f"{person.last_name} {person.first_name} {person.patronymic}",
				"gender": person.gender,
				"date_of_birth": born,
				"age": age_on(born, today),
				"is_minor": int(is_minor_on(born, today)),
				"marital_status": rng.choices(("Single", "Married", "Divorced"), weights=(0.9, 0.08, 0.02))[
					0
				],
				"phone": ids.mobile_phone(rng),
				"email": f"student{index + 1}@example.com" if rng.random() < 0.5 else None,
				"registration_address": address,
				"actual_address": address,
				"legal_representatives": representatives,
				"profession": profession_name,
				"program_name": program_name(profession_name),
				"group_code": group,
				"study_start": study_start,
				"study_end": study_end,
				"certificate_number": f"ПО {rng.randint(1, 99):02d} {rng.randint(1, 999999):06d}"
				if study_end < today
				else None,
			},
			specialist,
			created,
		)
		name = graduate["name"]
		self.make_personal_data(graduate, person, born, representatives, created)
		consents = rules.consent_plans(rng, born, study_start, today, revoke, self.destruction_days)
		graduate["consent_status"] = consent_rules.derive_graduate_status(
			consent_rules.ConsentState(str(number), plan.kind, plan.status, plan.signed_on)
			for number, plan in enumerate(consents)
		)
		self.make_consents(graduate, consents, representatives)
		if study_end - timedelta(days=120) <= today:
			self.make_application(graduate, study_end)
		if rng.random() < 0.6 or periods:
			resume = self.make_resume(graduate, periods)
		else:
			resume = None
		# A dossier goes to the first employer only with a consent in force that allows it (152-ФЗ ст. 9).
		send = bool(resume and periods) and graduate["consent_status"] == consent_rules.ACTIVE
		send = send and rng.random() < 0.3
		recommendation = self.make_recommendation(graduate, rng.random() < 0.4 or bool(periods), send)
		all_checks, spans = [], []
		for number, period in enumerate(periods):
			checks = self.make_placement(graduate, period, profession_name)
			all_checks.extend(checks)
			spans.append((period.employment_date, period.dismissal_date))
			if number == 0 and send:
				self.send_dossier(graduate, resume, recommendation, self.placement_employer)
		status = derive_employment_status(study_end, today, spans)
		observation = rules.latest_outcome(all_checks, informative_only=True)
		graduate["employment_status"] = monitoring_rules.employment_status_with_observation(
			status,
			spans,
			monitoring_rules.Observation(observation.checked_on, observation.outcome)
			if observation
			else None,
			today,
		)
		if profession_name in ("Повар", "Швея", "Столяр") and rng.random() < 0.04:
			self.graduates_needing_contract.append((name, profession_name, study_start, study_end))
			self.graduate_names[name] = graduate["full_name"]
		if revoke:
			revoked = [
				plan
				for plan in consents
				if plan.kind == consent_rules.PROCESSING and plan.status == consent_rules.REVOKED
			]
			if revoked:
				self.revoked.append(name)

	def make_personal_data(self, graduate, person, born, representatives, created) -> None:
		rng = self.rng
		series, number, division = ids.passport(rng, born.year + 14)
		documents = []
		for representative in representatives:
			r_series, r_number, r_division = ids.passport(rng, born.year - rng.randint(10, 20))
			documents.append(
				{
					"representative_name": representative["full_name"],
					"document_type": "Passport",
					"series": r_series,
					"number": r_number,
					"issued_by": "ГУ МВД России по г. Санкт-Петербургу и Ленинградской области",
					"issued_on": date(born.year - rng.randint(1, 10), rng.randint(1, 12), rng.randint(1, 28)),
					"division_code": r_division,
				}
			)
		disability = rng.choices(
			("Group II", "Group III", "Disabled Child", None), weights=(0.35, 0.35, 0.1, 0.2)
		)[0]
		self.writer.add(
			"Graduate Personal Data",
			{
				"name": graduate["name"],
				"graduate": graduate["name"],
				"graduate_name": graduate["full_name"],
				"passport_series": series,
				"passport_number": number,
				"passport_division_code": division,
				"passport_issued_by": "ГУ МВД России по г. Санкт-Петербургу и Ленинградской области",
				"passport_issued_on": min(
					date(born.year + 14, born.month, min(born.day, 28)) + timedelta(days=20), self.today
				),
				"snils": ids.snils(rng),
				"inn": ids.individual_inn(rng) if rng.random() < 0.7 else None,
				"disability_group": disability,
				"disability_until": date(self.today.year + 1, 12, 31) if disability == "Group III" else None,
				"work_capacity_restriction": rng.choice((None, "Degree 1", "Degree 2"))
				if disability
				else None,
				"ipra_number": f"{rng.randint(100, 999)}.{rng.randint(1, 99)}.47/{born.year + 18}"
				if disability
				else None,
				"ipra_recommendations": "Рекомендовано трудоустройство с сопровождением наставника."
				if disability
				else None,
				"assistive_devices": None,
				"special_workplace_needs": "Стабильное рабочее место, пошаговые инструкции."
				if disability
				else None,
				"representative_documents": documents,
			},
			self.head,
			created,
		)

	def make_consents(self, graduate, plans, representatives) -> None:
		representative = representatives[0] if representatives else None
		names = []
		for plan in plans:
			by_representative = plan.signer == consent_rules.LEGAL_REPRESENTATIVE
			if by_representative and not representative:
				continue
			processing = plan.kind == consent_rules.PROCESSING
			values = {
				"kind": plan.kind,
				"graduate": graduate["name"],
				"graduate_name": graduate["full_name"],
				"signed_on": plan.signed_on,
				"valid_until": plan.valid_until,
				"status": plan.status,
				"docstatus": 1,
				"signer": plan.signer,
				"representative": representative["full_name"] if by_representative else None,
				"representative_basis": representative["basis"] if by_representative else None,
				"representative_address": representative["address"] if by_representative else None,
				"purposes": consent_rules.default_purposes(plan.kind),
				"transfer_to_employers": int(processing),
				"transfer_to_labour_committee": int(processing),
				"published_resources": None
				if processing
				else "\n".join(filter(None, (self.website, "https://vk.com/"))),
				"revocation_received_on": plan.revocation_received_on,
				"destruction_due_on": plan.destruction_due_on,
			}
			consent = self.writer.add(
				"Personal Data Consent", values, self.user(EMPLOYMENT_SPECIALIST), at(plan.signed_on)
			)
			names.append((plan, consent))
			self.consent_names.append(consent["name"])
			if processing:
				self.processing_consents.setdefault(graduate["name"], []).append(
					(plan.signed_on, consent["name"])
				)
		# The newly signed consent of a kind supersedes the older Active one (personal_data_consent.supersede_others).
		for plan, consent in names:
			if plan.status == consent_rules.SUPERSEDED:
				newer = [
					other
					for other_plan, other in names
					if other_plan.kind == plan.kind
					and other is not consent
					and other_plan.signed_on > plan.signed_on
				]
				if newer:
					consent["superseded_by"] = newer[0]["name"]

	def make_application(self, graduate, study_end) -> None:
		rng = self.rng
		if rng.random() < 0.15:
			return
		kind = "Refusal" if rng.random() < 0.05 else "Assistance"
		application_date = min(study_end - timedelta(days=rng.randrange(0, 90)), self.today)
		docstatus = rng.choices((1, 0, 2), weights=(0.9, 0.06, 0.04))[0]
		self.writer.add(
			"Employment Assistance Application",
			{
				"graduate": graduate["name"],
				"graduate_name": graduate["full_name"],
				"kind": kind,
				"application_date": application_date,
				"status": application_status(docstatus),
				"docstatus": docstatus,
				"profession": graduate["profession"],
				"program_name": graduate["program_name"],
				"certificate_number": graduate["certificate_number"],
				"support_from": study_end if kind == "Assistance" else None,
				"support_to": date(study_end.year + 3, study_end.month, study_end.day)
				if kind == "Assistance"
				else None,
				"mobile_phone": graduate["phone"],
				"registration_address": graduate["registration_address"],
				"actual_address": graduate["actual_address"],
			},
			self.user(EMPLOYMENT_SPECIALIST),
			at(application_date),
		)

	def make_resume(self, graduate, periods) -> dict:
		rng = self.rng
		practice = []
		if rng.random() < 0.7:
			start = graduate["study_end"] - timedelta(days=rng.randrange(60, 200))
			practice.append(
				{
					"date_from": start,
					"date_to": start + timedelta(days=28),
					"organization": rng.choice(self.employers).short_name,
					"position": f"практикант ({graduate['profession'].lower()})",
					"duties": "Выполнение заданий наставника по профессии.",
				}
			)
		return self.writer.add(
			"Student Resume",
			{
				"graduate": graduate["name"],
				"full_name": graduate["full_name"],
				"date_of_birth": graduate["date_of_birth"],
				"marital_status": graduate["marital_status"],
				"address": graduate["actual_address"],
				"phone": graduate["phone"],
				"desired_position": POSITIONS.get(graduate["profession"], graduate["profession"].lower()),
				"work_experience": practice,
				"education": [
					{
						"institution": "ГАНПОУ ЛО «МЦ СиТИ»",
						"year_in": graduate["study_start"].year,
						"year_out": graduate["study_end"].year,
						"specialty": graduate["profession"],
					}
				],
				"pc_level": rng.choice(("Начальный", "Пользователь", None)),
				"foreign_language": rng.choice((None, "Английский (начальный)")),
				"driving_licence_categories": rng.choice((None, None, "B")),
				"has_car": 0,
				"personal_qualities": rng.choice(QUALITIES),
				"expected_salary": rng.randrange(25_000, 45_000, 1000),
				"ready_from": graduate["study_end"],
			},
			self.user(EMPLOYMENT_SPECIALIST),
			at(min(graduate["study_end"] - timedelta(days=60), self.today)),
		)

	def make_recommendation(self, graduate, made: bool, sent: bool = False) -> dict | None:
		if not made:
			return None
		rng = self.rng
		finished = graduate["study_end"] < self.today
		status = (
			"Sent"
			if sent
			else (
				rng.choices(("Approved", "Ready for Review", "Draft"), weights=(0.8, 0.13, 0.07))[0]
				if finished
				else rng.choice(("Draft", "Ready for Review"))
			)
		)
		return self.writer.add(
			"Mentor Recommendation",
			{
				"graduate": graduate["name"],
				"full_name": graduate["full_name"],
				"birth_year": str(graduate["date_of_birth"].year),
				"group_code": graduate["group_code"],
				"program_module": graduate["program_name"],
				"status": status,
				"study_start": graduate["study_start"],
				"study_end": graduate["study_end"],
				"consilium_living": "Проживает с семьёй, навыки самообслуживания сформированы.",
				"consilium_employment": "Рекомендовано трудоустройство по профессии с сопровождением.",
				"current_residence": graduate["actual_address"],
				"cognitive_sphere": "Внимание неустойчивое, лучше усваивает наглядный материал.",
				"emotional_sphere": "Эмоционально уравновешен(а), в новой обстановке нуждается в поддержке.",
				"communicative_sphere": "Контактен(на), обращается за помощью к взрослому.",
				"time_space_orientation": "Ориентируется в знакомом маршруте, пользуется общественным транспортом.",
				"everyday_skills": "Сформированы.",
				"community_skills": "Пользуется магазином, транспортом, телефоном.",
				"competence_level": "Выполняет основные операции по профессии по образцу.",
				"learning_progress": "Программу освоил(а) в полном объёме.",
				"independence": "Работает самостоятельно после показа.",
				"attitude_to_work": "Ответственное, добросовестное.",
				"conclusions": [
					{"action": "Давать задания пошагово, с показом."},
					{"action": "Закрепить наставника на первые три месяца."},
				],
				"psychologist_name": people.initials(people.make_person(rng)),
				"teacher_name": people.initials(people.make_person(rng)),
				"social_pedagogue_name": people.initials(people.make_person(rng)),
				"deputy_director_name": None,
			},
			self.user(EMPLOYMENT_SPECIALIST),
			at(min(graduate["study_end"] - timedelta(days=30), self.today)),
		)

	def make_placement(self, graduate, period, profession) -> list:
		rng = self.rng
		request = (
			self.take_request(profession, graduate.setdefault("_requests", set()))
			if rng.random() < 0.6
			else None
		)
		if request:
			employer = request.employer
		else:
			trade = next(
				index
				for index, trade in enumerate(TRADES)
				if profession in trade[1] or index == len(TRADES) - 1
			)
			employer = rng.choice(self.employers_by_trade.get(trade) or self.employers)
		self.placement_employer = employer
		checks = rules.plan_checks(rng, period, self.today)
		latest = rules.latest_outcome(checks)
		salary = request.values["salary"] if request else rng.randrange(22_000, 55_000, 500)
		placement = self.writer.add(
			"Graduate Placement",
			{
				"graduate": graduate["name"],
				"graduate_name": graduate["full_name"],
				"employer": employer.name,
				"employer_name": employer.short_name,
				"vacancy_request": request.values["name"] if request else None,
				"status": vacancy_rules.placement_status(period.dismissal_date),
				"latest_outcome": latest.outcome if latest else None,
				"position": POSITIONS.get(profession),
				"profession": profession,
				"employment_date": period.employment_date,
				"contract_type": rng.choices(
					(vacancy_rules.PERMANENT, vacancy_rules.FIXED_TERM, vacancy_rules.CIVIL_LAW),
					weights=(0.7, 0.25, 0.05),
				)[0],
				"salary": salary,
				"special_workplace_created": int(rng.random() < 0.1),
				"quota_position": int(rng.random() < 0.3),
				"supported_employment_until": monitoring_rules.add_months(period.employment_date, 6)
				if rng.random() < 0.4
				else None,
				"workplace_mentor": people.initials(people.make_person(rng)) if rng.random() < 0.5 else None,
				"dismissal_date": period.dismissal_date,
				"dismissal_reason": rng.choice(
					("По собственному желанию", "Истечение срока трудового договора", "По соглашению сторон")
				)
				if period.dismissal_date
				else None,
			},
			self.user(EMPLOYMENT_SPECIALIST),
			at(min(period.employment_date + timedelta(days=rng.randrange(0, 10)), self.today)),
		)
		if request:
			request.values["_last_filled"] = max(
				request.values.get("_last_filled") or period.employment_date, period.employment_date
			)
			self.writer.add(
				"Vacancy Candidate",
				{
					"vacancy_request": request.values["name"],
					"position": request.values["position"],
					"employer": employer.name,
					"graduate": graduate["name"],
					"graduate_name": graduate["full_name"],
					"status": vacancy_rules.HIRED,
					"status_date": period.employment_date,
				},
				self.user(EMPLOYMENT_SPECIALIST),
				at(max(request.values["compiled_on"], period.employment_date - timedelta(days=14))),
			)
		for check in checks:
			self.make_check(graduate, placement, employer, check)
		return checks

	def make_check(self, graduate, placement, employer, check) -> None:
		rng = self.rng
		elsewhere = check.outcome == monitoring_rules.WORKING_ELSEWHERE and rng.random() < 0.5
		other = rng.choice(self.employers) if elsewhere else None
		if other and other.name == employer.name:
			other = None
		specialist = self.user(EMPLOYMENT_SPECIALIST)
		record = self.writer.add(
			"Employment Monitoring Record",
			{
				"placement": placement["name"],
				"graduate": graduate["name"],
				"graduate_name": graduate["full_name"],
				"employer": employer.name,
				"employer_name": employer.short_name,
				"status": check.status,
				"checkpoint": check.checkpoint,
				"due_date": check.due_date,
				"is_follow_up": int(check.is_follow_up),
				"responsible_specialist": specialist,
				"checked_on": check.checked_on,
				"method": check.method,
				"outcome": check.outcome,
				"outcome_employer": other.name if other else None,
				"outcome_employer_name": other.short_name if other else None,
				"conditions_match_contract": "Yes"
				if check.outcome == monitoring_rules.WORKING_HERE
				else "Unknown",
				"special_workplace": "Not Needed" if check.outcome == monitoring_rules.WORKING_HERE else None,
				"employer_complaints": int(check.employer_complaints),
				"complaint_details": "Нарушения графика в первые недели работы."
				if check.employer_complaints
				else None,
				"employer_satisfaction": check.employer_satisfaction,
				"training_quality_feedback": "Подготовка соответствует требованиям."
				if check.employer_satisfaction >= 4
				else None,
				"actions_taken": "Беседа с выпускником и наставником." if check.employer_complaints else None,
			},
			specialist,
			at(min(placement["employment_date"] + timedelta(days=1), self.today)),
		)
		if check.method == "Employer's Report" and rng.random() < 0.3:
			self.make_feedback_request(record, graduate, employer, check, "Answered")
		elif check.status in (monitoring_rules.DUE, monitoring_rules.OVERDUE) and rng.random() < 0.2:
			self.make_feedback_request(
				record, graduate, employer, check, rng.choice(("Sent", "Sent", "Superseded"))
			)

	def make_feedback_request(self, record, graduate, employer, check, status) -> None:
		sent = at(min(check.due_date - timedelta(days=3), self.today), 9)
		self.writer.add(
			"Employer Feedback Request",
			{
				"monitoring_record": record["name"],
				"graduate": graduate["name"],
				"employer": employer.name,
				"recipient_email": self.employer_values[employer.name]["email"],
				"status": status,
				"sent_at": sent,
				"sent_by": record["responsible_specialist"],
				"expires_at": sent + timedelta(days=30),
				"answered_at": at(check.checked_on, 15)
				if status == "Answered" and check.checked_on
				else None,
				"token_hash": hashlib.sha256(f"{record['name']}:{self.rng.random()}".encode()).hexdigest(),
			},
			record["responsible_specialist"],
			sent,
		)

	# --- what was sent to employers ---------------------------------------------------------------

	def send_dossier(self, graduate, resume, recommendation, employer) -> None:
		"""The dossier (resume and recommendation) sent to the employer who then hired the graduate, with the
		transfer log entry each sending leaves (152-ФЗ ст. 9)."""
		sent = at(min(graduate["study_end"] + timedelta(days=5), self.today), 12)
		specialist = self.user(EMPLOYMENT_SPECIALIST)
		dossier_name = self.writer.new_name("Employer Dossier")
		transfer = self.writer.add(
			"Personal Data Transfer",
			{
				"graduate": graduate["name"],
				"employer": employer.name,
				"recipient_email": self.employer_values[employer.name]["email"],
				"transferred_at": sent,
				"transferred_by": specialist,
				"consent": max(
					(
						row
						for row in self.processing_consents.pop(graduate["name"], [])
						if row[0] <= sent.date()
					),
					default=(None, None),
				)[1],
				"reference_doctype": "Employer Dossier",
				"reference_name": dossier_name,
			},
			specialist,
			sent,
		)
		self.writer.add(
			"Employer Dossier",
			{
				"name": dossier_name,
				"graduate": graduate["name"],
				"profession": graduate["profession"],
				"employer": employer.name,
				"employer_name": self.employer_values[employer.name]["full_name"],
				"sent_at": sent,
				"sent_by": specialist,
				"recipient_email": self.employer_values[employer.name]["email"],
				"student_resume": resume["name"],
				"mentor_recommendation": recommendation["name"],
				"personal_data_transfer": transfer["name"],
				"signatory_name": people.initials(people.make_person(self.rng)),
			},
			specialist,
			sent,
		)

	# --- contracts --------------------------------------------------------------------------------

	def make_contracts(self) -> None:
		"""Contracts of every journal and year; numbers drawn per journal and year in order of approval."""
		rng, today = self.rng, self.today
		journals = frappe.get_all(
			"Contract Journal", fields=["name", "number_prefix", "requires_graduate", "is_practice_journal"]
		)
		first_year = today.year - self.sizes.years + 1
		contracts = []
		for journal in journals:
			if journal.requires_graduate:
				for graduate, profession, study_start, study_end in self.graduates_needing_contract:
					trade = next((index for index, trade in enumerate(TRADES) if profession in trade[1]), 0)
					employer = rng.choice(self.employers_by_trade.get(trade) or self.employers)
					contracts.append((journal, employer, graduate, profession, study_start, study_end))
			elif journal.is_practice_journal:
				hosts = rng.sample(self.employers, max(1, len(self.employers) // 5))
				for employer in hosts:
					for year in range(max(first_year, today.year - 2), today.year + 1):
						contracts.append(
							(journal, employer, None, None, date(year, 1, 1), date(year, 12, 31))
						)
			else:
				for employer in self.employers:
					if employer.status != "Potential" and rng.random() < 0.6:
						start = date(rng.randint(first_year, today.year), rng.randint(1, 12), 1)
						contracts.append(
							(
								journal,
								employer,
								None,
								None,
								start,
								date(start.year + 3, start.month, 1) - timedelta(days=1),
							)
						)
		rows = []
		wanted = list(rules.SHOWN_CONTRACT_STATUSES)
		for journal, employer, graduate, profession, valid_from, valid_to in contracts:
			steer = (
				wanted.pop()
				if wanted and not journal.requires_graduate and not journal.is_practice_journal
				else None
			)
			plan = rules.contract_plan(rng, valid_from, valid_to, today, wanted=steer)
			rows.append(
				{
					"journal": journal.name,
					"requires_graduate": journal.requires_graduate,
					"status": plan.status,
					"employer": employer.name,
					"employer_name": employer.short_name,
					"profession": profession,
					"graduate": graduate,
					"subject": f"Договор ({journal.name}) с {employer.short_name}",
					"signed_on": plan.signed_on,
					"valid_from": plan.valid_from,
					"valid_to": plan.valid_to,
					"terminated_on": plan.terminated_on,
					"termination_reason": "По соглашению сторон" if plan.terminated_on else None,
					"registered_on": plan.registered_on,
					"_prefix": journal.number_prefix,
				}
			)
		rows.sort(key=lambda row: (row["registered_on"] or date.max, row["employer"]))
		for row in rows:
			prefix = row.pop("_prefix")
			if row["registered_on"]:
				year = row["registered_on"].year
				sequence = self.writer.next_in_series(registration_series_key(row["journal"], year))
				row.update(
					registration_number=format_registration_number(prefix, year, sequence),
					registration_year=year,
					registration_sequence=sequence,
				)
			if row["graduate"]:
				row["graduate_name"] = self.graduate_names.get(row["graduate"])
			self.writer.add(
				"Employer Contract", row, self.user(EMPLOYMENT_SPECIALIST), at(row["signed_on"] or today)
			)
			self.progress("contracts")

	# --- the Center's work with employers ---------------------------------------------------------

	def make_interactions(self) -> None:
		rng, today = self.rng, self.today
		forms = ("Interview", "Consultation", "E-mail", "Phone")
		for employer in self.employers:
			last = None
			for _number in range(rng.choice((0, 1, 1, 2, 3))):
				day = today - timedelta(days=rng.randrange(0, 365 * self.sizes.years))
				form = rng.choice(forms)
				request = rng.choice(employer.requests) if employer.requests and rng.random() < 0.3 else None
				next_step = rng.random() < 0.3
				self.writer.add(
					"Employer Interaction",
					{
						"interaction_date": day,
						"employer": employer.name,
						"employer_name": employer.short_name,
						"form": form,
						"mode": mode_of(form),
						"responsible": self.user(EMPLOYMENT_SPECIALIST),
						"topic": rng.choice(INTERACTION_TOPICS),
						"outcome": "Договорились о дальнейшем сотрудничестве.",
						"next_step": "Направить резюме кандидатов." if next_step else None,
						"next_step_date": day + timedelta(days=14) if next_step else None,
						"vacancy_request": request.values["name"] if request else None,
					},
					self.user(EMPLOYMENT_SPECIALIST),
					at(day),
				)
				last = max(last or day, day)
			self.employer_values[employer.name]["last_contact_on"] = last

	def make_events(self) -> None:
		rng, today = self.rng, self.today
		count = max(len(EVENT_TYPES) * 2, self.sizes.graduates // 50)
		for number in range(count):
			event_type = EVENT_TYPES[number % len(EVENT_TYPES)]
			day = today + timedelta(days=rng.randrange(-365 * self.sizes.years, 60))
			status = "Planned" if day > today else rng.choices(("Held", "Cancelled"), weights=(0.93, 0.07))[0]
			guests = rng.sample(self.employers, min(len(self.employers), rng.randint(1, 6)))
			starts = at(day, rng.choice((10, 11, 14)))
			held = status == "Held"
			self.writer.add(
				"Center Event",
				{
					"subject": EVENT_SUBJECTS[event_type],
					"event_type": event_type,
					"status": status,
					"organiser": self.user(EMPLOYMENT_SPECIALIST),
					"starts_on": starts,
					"ends_on": starts + timedelta(hours=2),
					"venue": "ГАНПОУ ЛО «МЦ СиТИ», актовый зал" if event_type != "Webinar" else None,
					"online_link": "https://vk.com/" if event_type == "Webinar" else None,
					"graduates_count": rng.randint(5, 40) if held else 0,
					"students_count": rng.randint(10, 80) if held else 0,
					"employers_count": len(guests),
					"employers": [
						{
							"employer": guest.name,
							"employer_name": guest.short_name,
							"representative": people.initials(people.make_person(rng)),
						}
						for guest in guests
					],
					"outcome": "Проведено по плану." if held else None,
				},
				self.user(EMPLOYMENT_SPECIALIST),
				at(min(day, today) - timedelta(days=20)),
			)

	def make_work_plans(self) -> None:
		rng, today = self.rng, self.today
		director = self.users[INSTITUTION_DIRECTOR][0]
		director_name = frappe.db.get_value("User", director, "full_name")
		periods = [
			(year, period, ends)
			for year in rules.cohort_years(today, self.sizes.years)
			for period, ends in (("1st Half", date(year, 6, 30)), ("2nd Half", date(year, 12, 31)))
		]
		# The next half-year's plan is drafted before it starts.
		periods.append((today.year + 1, "1st Half", date(today.year + 1, 6, 30)))
		for year, period, ends in periods:
			name = plan_name(year, period)
			if frappe.db.exists("Work Plan", name):
				continue
			starts = date(year, 1 if period == "1st Half" else 7, 1)
			if starts > today:
				status = PlanStatus.DRAFT.value
			elif ends >= today:
				status = PlanStatus.SUBMITTED.value
			else:
				status = PlanStatus.APPROVED.value
			items = []
			for number, activity in enumerate(rng.sample(PLAN_ACTIVITIES, 6)):
				due = starts + timedelta(days=25 * (number + 1))
				state = (
					"Planned"
					if due > today
					else rng.choices(("Done", "Not Done", "In Progress"), weights=(0.85, 0.05, 0.1))[0]
				)
				items.append(
					{
						"activity": activity,
						"due": f"до {due:%d.%m.%Y}",
						"responsible": "Руководитель Центра",
						"due_date": due,
						"status": state,
						"result": "Выполнено." if state == "Done" else None,
					}
				)
			approved_on = starts - timedelta(days=10) if status == PlanStatus.APPROVED.value else None
			self.writer.add(
				"Work Plan",
				{
					"name": name,
					"year": year,
					"period": period,
					"status": status,
					"approved_on": approved_on,
					"approved_by": director if approved_on else None,
					"approved_by_name": director_name if approved_on else None,
					"items": items,
				},
				self.head,
				at(min(starts - timedelta(days=20), today)),
			)

	# --- through the services ---------------------------------------------------------------------

	def add_digest_recipient(self) -> None:
		"""The Head receives the monthly digest (saved through Settings, which keeps the e-mail report in step)."""
		settings = frappe.get_single("Employment Center Settings")
		if any(row.user == self.head for row in settings.monthly_digest_recipients):
			return
		settings.append("monthly_digest_recipients", {"user": self.head})
		settings.flags.ignore_permissions = True
		settings.save()

	def destroy_some_revoked(self) -> None:
		"""A few revoked consents past their destruction date are destroyed by the Head, through the service
		that depersonalises the graduate and writes the act (152-ФЗ ст. 21 ч. 5). It runs right after
		``make_revoking_graduates``, while the tables it searches hold little; nothing made later names these
		graduates (no contract is drawn up for them)."""
		from citi_employment.personal_data.destruction import destroy_revoked_consent

		# A few acts show the procedure; each destruction searches every record about the graduate.
		count = min(DESTROYED_CONSENTS, len(self.revoked))
		consent = frappe.qb.DocType("Personal Data Consent")
		due = (
			frappe.qb.from_(consent)
			.select(consent.name)
			.where(consent.graduate.isin(self.revoked or [""]))
			.where(consent.kind == consent_rules.PROCESSING)
			.where(consent.status == consent_rules.REVOKED)
			.where(consent.destruction_due_on < self.today)
			.where(consent.destroyed_on.isnull())
			.orderby(consent.name)
			.limit(count)
		).run(pluck=True)
		frappe.set_user(self.head)
		for name in due:
			destroy_revoked_consent(name)
		destroyed = set(
			frappe.get_all("Personal Data Consent", {"name": ("in", due or [""])}, pluck="graduate")
		)
		self.graduates_needing_contract = [
			row for row in self.graduates_needing_contract if row[0] not in destroyed
		]

	def make_annual_reports(self) -> None:
		"""One report per year: this year's a Draft, last year's waiting for the Director, the year before
		approved, the older ones published, the oldest corrected once (its first version Superseded)."""
		from citi_employment.annual_report import compute, corrections
		from citi_employment.domain import annual_report as report_rules

		director = self.users[INSTITUTION_DIRECTOR][0]
		years = rules.cohort_years(self.today, self.sizes.years)
		for year in years:
			if frappe.db.exists("Annual Report", {"year": year}):
				continue  # the site's own report of that year stays as it is
			frappe.set_user(self.head)
			report = frappe.get_doc({"doctype": "Annual Report", "year": year})
			report.summary_text = f"Отчёт о работе Центра содействия трудоустройству за {year} год."
			report.insert()
			if year == self.today.year:
				continue
			compute.compute(report.name)
			self.move(report.name, report_rules.SUBMITTED)
			if year == years[-2]:
				continue  # last year's report waits for the Director
			frappe.set_user(director)
			self.move(report.name, report_rules.APPROVED)
			if year == years[-3]:
				continue  # approved, not yet on the website
			if year == years[0]:
				frappe.set_user(self.head)
				correction = corrections.create_correction(report.name, "Уточнены данные мониторинга.")
				compute.compute(correction)
				self.move(correction, report_rules.SUBMITTED)
				frappe.set_user(director)
				self.move(correction, report_rules.APPROVED)
				self.move(correction, report_rules.PUBLISHED)
			else:
				self.move(report.name, report_rules.PUBLISHED)
		frappe.set_user(self.head)

	@staticmethod
	def move(name: str, status: str) -> None:
		doc = frappe.get_doc("Annual Report", name)
		doc.status = status
		doc.save()
