"""Russian people for the demo data: names that the prints decline correctly, and the way they are combined.

The prints put a graduate's name in the genitive («от Иванова Ивана Ивановича», «несовершеннолетнего
Петровой Анны Сергеевны») through ``russian_text.decline_full_name``. Each first name below carries its
genitive, and the surnames keep to the regular endings (-ов/-ев/-ин/-ский), so the quick suite can check
that every name the demo makes is declined as a person would write it.
"""

import random
from typing import NamedTuple

from citi_employment.domain.russian_text import Gender

MALE = Gender.MALE.value
FEMALE = Gender.FEMALE.value

# (nominative, genitive)
MALE_FIRST_NAMES = (
	("Александр", "Александра"),
	("Алексей", "Алексея"),
	("Андрей", "Андрея"),
	("Антон", "Антона"),
	("Артём", "Артёма"),
	("Богдан", "Богдана"),
	("Вадим", "Вадима"),
	("Валерий", "Валерия"),
	("Виктор", "Виктора"),
	("Виталий", "Виталия"),
	("Владимир", "Владимира"),
	("Владислав", "Владислава"),
	("Глеб", "Глеба"),
	("Даниил", "Даниила"),
	("Денис", "Дениса"),
	("Дмитрий", "Дмитрия"),
	("Евгений", "Евгения"),
	("Егор", "Егора"),
	("Иван", "Ивана"),
	("Игорь", "Игоря"),
	("Кирилл", "Кирилла"),
	("Константин", "Константина"),
	("Максим", "Максима"),
	("Матвей", "Матвея"),
	("Михаил", "Михаила"),
	("Никита", "Никиты"),
	("Николай", "Николая"),
	("Олег", "Олега"),
	("Павел", "Павла"),
	("Роман", "Романа"),
	("Руслан", "Руслана"),
	("Семён", "Семёна"),
	("Сергей", "Сергея"),
	("Станислав", "Станислава"),
	("Степан", "Степана"),
	("Тимофей", "Тимофея"),
	("Фёдор", "Фёдора"),
	("Юрий", "Юрия"),
	("Ярослав", "Ярослава"),
)

FEMALE_FIRST_NAMES = (
	("Александра", "Александры"),
	("Алина", "Алины"),
	("Алёна", "Алёны"),
	("Анастасия", "Анастасии"),
	("Анна", "Анны"),
	("Валентина", "Валентины"),
	("Валерия", "Валерии"),
	("Вера", "Веры"),
	("Виктория", "Виктории"),
	("Галина", "Галины"),
	("Дарья", "Дарьи"),
	("Диана", "Дианы"),
	("Екатерина", "Екатерины"),
	("Елена", "Елены"),
	("Елизавета", "Елизаветы"),
	("Ирина", "Ирины"),
	("Карина", "Карины"),
	("Ксения", "Ксении"),
	("Лариса", "Ларисы"),
	("Марина", "Марины"),
	("Мария", "Марии"),
	("Надежда", "Надежды"),
	("Наталья", "Натальи"),
	("Оксана", "Оксаны"),
	("Ольга", "Ольги"),
	("Полина", "Полины"),
	("Светлана", "Светланы"),
	("София", "Софии"),
	("Татьяна", "Татьяны"),
	("Ульяна", "Ульяны"),
	("Юлия", "Юлии"),
)

# Fathers' names and the patronymics they give (male, female); the -ич/-на endings decline regularly.
PATRONYMICS = (
	("Александрович", "Александровна"),
	("Алексеевич", "Алексеевна"),
	("Андреевич", "Андреевна"),
	("Анатольевич", "Анатольевна"),
	("Борисович", "Борисовна"),
	("Васильевич", "Васильевна"),
	("Викторович", "Викторовна"),
	("Владимирович", "Владимировна"),
	("Геннадьевич", "Геннадьевна"),
	("Дмитриевич", "Дмитриевна"),
	("Евгеньевич", "Евгеньевна"),
	("Иванович", "Ивановна"),
	("Игоревич", "Игоревна"),
	("Константинович", "Константиновна"),
	("Михайлович", "Михайловна"),
	("Николаевич", "Николаевна"),
	("Олегович", "Олеговна"),
	("Павлович", "Павловна"),
	("Петрович", "Петровна"),
	("Романович", "Романовна"),
	("Сергеевич", "Сергеевна"),
	("Юрьевич", "Юрьевна"),
)

# Masculine forms; the feminine adds «а» (-ов, -ев, -ин) or turns -ский into -ская.
SURNAMES = (
	"Иванов",
	"Смирнов",
	"Кузнецов",
	"Попов",
	"Васильев",
	"Петров",
	"Соколов",
	"Михайлов",
	"Новиков",
	"Фёдоров",
	"Морозов",
	"Волков",
	"Алексеев",
	"Лебедев",
	"Семёнов",
	"Егоров",
	"Павлов",
	"Козлов",
	"Степанов",
	"Николаев",
	"Орлов",
	"Андреев",
	"Макаров",
	"Никитин",
	"Захаров",
	"Зайцев",
	"Соловьёв",
	"Борисов",
	"Яковлев",
	"Григорьев",
	"Романов",
	"Воробьёв",
	"Сергеев",
	"Кузьмин",
	"Фролов",
	"Александров",
	"Дмитриев",
	"Королёв",
	"Гусев",
	"Киселёв",
	"Ильин",
	"Максимов",
	"Поляков",
	"Сорокин",
	"Виноградов",
	"Ковалёв",
	"Белов",
	"Медведев",
	"Антонов",
	"Тарасов",
	"Жуков",
	"Баранов",
	"Филиппов",
	"Комаров",
	"Давыдов",
	"Беляев",
	"Герасимов",
	"Богданов",
	"Осипов",
	"Сидоров",
	"Матвеев",
	"Титов",
	"Марков",
	"Миронов",
	"Крылов",
	"Куликов",
	"Карпов",
	"Власов",
	"Мельников",
	"Денисов",
	"Гаврилов",
	"Тихонов",
	"Казаков",
	"Афанасьев",
	"Данилов",
	"Савельев",
	"Тимофеев",
	"Фомин",
	"Чернов",
	"Абрамов",
	"Мартынов",
	"Ефимов",
	"Федотов",
	"Щербаков",
	"Назаров",
	"Калинин",
	"Исаев",
	"Чернышёв",
	"Быков",
	"Маслов",
	"Родионов",
	"Коновалов",
	"Лазарев",
	"Воронин",
	"Климов",
	"Филатов",
	"Пономарёв",
	"Голубев",
	"Кудрявцев",
	"Прохоров",
	"Наумов",
	"Потапов",
	"Журавлёв",
	"Овчинников",
	"Трофимов",
	"Леонов",
	"Соболев",
	"Ермаков",
	"Колесников",
	"Гончаров",
	"Емельянов",
	"Никифоров",
	"Грачёв",
	"Котов",
	"Гришин",
	"Ефремов",
	"Архипов",
	"Громов",
	"Кириллов",
	"Малышев",
	"Панов",
	"Моисеев",
	"Румянцев",
	"Акимов",
	"Кондратьев",
	"Бирюков",
	"Горбунов",
	"Анисимов",
	"Ерёмин",
	"Тихомиров",
	"Галкин",
	"Лукьянов",
	"Михеев",
	"Скворцов",
	"Юдин",
	"Белоусов",
	"Нестеров",
	"Симонов",
	"Прокофьев",
	"Харитонов",
	"Князев",
	"Цветков",
	"Левин",
	"Митрофанов",
	"Воронов",
	"Аксёнов",
	"Софронов",
	"Мальцев",
	"Логинов",
	"Горшков",
	"Савин",
	"Краснов",
	"Майоров",
	"Демидов",
	"Елисеев",
	"Рыбаков",
	"Сафонов",
	"Калашников",
	"Фадеев",
	"Лапин",
	"Зуев",
	"Островский",
	"Ковальский",
	"Вишневский",
	"Покровский",
	"Соколовский",
	"Яблонский",
)


class Person(NamedTuple):
	last_name: str
	first_name: str
	patronymic: str
	gender: str


def feminine_surname(surname: str) -> str:
	if surname.endswith("ский"):
		return surname.removesuffix("ий") + "ая"
	return surname + "а"


def surname_for(surname: str, gender: str) -> str:
	return feminine_surname(surname) if gender == FEMALE else surname


def make_person(rng: random.Random, gender: str | None = None, surname: str | None = None) -> Person:
	"""A person of ``gender`` (or either), optionally of a family's ``surname`` (its masculine form)."""
	gender = gender or rng.choice((MALE, FEMALE))
	first_names = MALE_FIRST_NAMES if gender == MALE else FEMALE_FIRST_NAMES
	patronymic = rng.choice(PATRONYMICS)[0 if gender == MALE else 1]
	return Person(
		surname_for(surname or rng.choice(SURNAMES), gender),
		rng.choice(first_names)[0],
		patronymic,
		gender,
	)


def masculine_surname(person: Person) -> str:
	"""The family's surname in its masculine form, to name a graduate's parent."""
	if person.gender == MALE:
		return person.last_name
	if person.last_name.endswith("ская"):
		return person.last_name.removesuffix("ая") + "ий"
	return person.last_name.removesuffix("а")


def expected_genitive(person: Person) -> str:
	"""The genitive a careful clerk writes; the quick suite compares the prints' declension with it."""
	male = person.gender == MALE
	surname = person.last_name
	if surname.endswith("ский"):
		surname = surname.removesuffix("ий") + "ого"
	elif surname.endswith("ская"):
		surname = surname.removesuffix("ая") + "ой"
	elif male:
		surname += "а"
	else:
		surname = surname.removesuffix("а") + "ой"
	first_names = dict(MALE_FIRST_NAMES if male else FEMALE_FIRST_NAMES)
	patronymic = person.patronymic + "а" if male else person.patronymic.removesuffix("а") + "ы"
	return f"{surname} {first_names[person.first_name]} {patronymic}"


def initials(person: Person) -> str:
	"""«И.И. Иванов», the form under a signature."""
	return f"{person.first_name[0]}.{person.patronymic[0]}. {person.last_name}"
