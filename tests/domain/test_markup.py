"""The markup rule: hostile payloads in every disguise are caught, ordinary Russian text is not."""

import json

import pytest

from citi_employment.domain.markup import contains_markup, contains_raw_markup, contains_unsafe_link

# The payload of issue 8, as the Specialist sent it: JSON-wrapped, so Frappe's sanitiser skipped it.
ISSUE_PAYLOAD = "<img src=x onerror=alert(document.domain)>"

# Frappe's own XSS test payloads (frappe/tests/test_document.py::test_xss_filter, test_utils.py).
FRAMEWORK_PAYLOADS = [
	'<script>alert("XSS")</script>',
	'<div onload="alert("XSS")">Test</div>',
	'<div style="something: doesn\'t work; color: red;">Test</div>',
	"<script>a=b</script><h1>Hello</h1><p>Para</p>",
	"<style>body { font-family: Arial }</style><h1>Hello</h1><p>Para</p>",
	'<h1>Hello</h1><p>Para</p><a href="http://test.com">text</a>',
]

# OWASP XSS Filter Evasion Cheat Sheet style payloads, and tags that only change what a page shows.
CHEAT_SHEET_PAYLOADS = [
	ISSUE_PAYLOAD,
	"<IMG SRC=\"javascript:alert('XSS');\">",
	"<IMG SRC=javascript:alert('XSS')>",
	"<IMG SRC=JaVaScRiPt:alert('XSS')>",
	"<ImG sRc=x OnErRoR=alert(1)>",
	"<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
	'<a onmouseover="alert(document.cookie)">xxs link</a>',
	'<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\\>',
	"<IMG SRC=# onmouseover=\"alert('xxs')\">",
	'<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>',
	'<SCRIPT/XSS SRC="http://xss.rocks/xss.js"></SCRIPT>',
	'<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert("XSS")>',
	'<<SCRIPT>alert("XSS");//\\<</SCRIPT>',
	"<SCRIPT SRC=http://xss.rocks/xss.js?< B >",
	"<SCRIPT SRC=//xss.rocks/.j>",
	"<IMG SRC=\"`('XSS')\"",
	'</TITLE><SCRIPT>alert("XSS");</SCRIPT>',
	"</textarea><script>alert(1)</script>",
	'<INPUT TYPE="IMAGE" SRC="javascript:alert(\'XSS\');">',
	"<svg/onload=alert('XSS')>",
	"<svg onload=alert(1)//",
	"<BODY ONLOAD=alert('XSS')>",
	"<iframe src=javascript:alert(1)>",
	"<details open ontoggle=alert(1)>",
	"<x onclick=alert(1)>нажмите",
	"<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
	'<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
	"<base href=\"javascript:alert('XSS');//\">",
	'<object data="javascript:alert(1)">',
	'<embed src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
	"<img\nsrc=x\nonerror=alert(1)>",
	"<img/src=x/onerror=alert(1)>",
	'<!--<img src="--><img src=x onerror=alert(1)//">',
	"<![CDATA[<script>alert(1)</script>]]>",
	'<?xml version="1.0"?>',
	"<!DOCTYPE html>",
	"Помощник повара <b>срочно</b>",
	"Повар</td></tr></table><h1>Вакансия закрыта</h1>",
	"x<y",
]


def wrapped(payload: str) -> str:
	"""The issue's disguise: the payload as a JSON string, which Frappe's sanitiser leaves alone."""
	return json.dumps(payload, ensure_ascii=False)


# The same payloads in the encodings a decoding layer could undo.
ENCODED_PAYLOADS = [
	wrapped(ISSUE_PAYLOAD),
	'"\\"<img src=x onerror=alert(1)>\\""',  # wrapped twice
	json.dumps(ISSUE_PAYLOAD),  # \u003c is not produced, but the quotes are
	'"\\u003cimg src=x onerror=alert(1)\\u003e"',  # JSON with unicode escapes only
	'["Повар", "<svg onload=alert(1)>"]',
	'{"position": "<script>alert(1)</script>"}',
	'{"<img src=x onerror=alert(1)>": 1}',
	"&lt;img src=x onerror=alert(1)&gt;",
	"&LT;script&GT;alert(1)&LT;/script&GT;",
	"&#60;img src=x onerror=alert(1)&#62;",
	"&#x3C;svg onload=alert(1)&#x3E;",
	"&#0000060script&#0000062alert(1)",  # numeric references without semicolons
	"&amp;lt;script&amp;gt;alert(1)",  # escaped twice
	'"&lt;img src=x onerror=alert(1)&gt;"',  # entities inside JSON
	"\\x3cimg src=x onerror=alert(1)\\x3e",
	"%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
	"＜script＞alert(1)＜/script＞",  # full-width brackets fold to < and > under NFKC
	"﹤img src=x onerror=alert(1)﹥",
]

# Ordinary text the Center types: comparisons, ranges, quotes, ampersands, arrows.
BENIGN_TEXTS = [
	"зарплата > 30000",
	"<5 лет",
	"стаж < 1 года",
	"опыт работы >= 3 лет, возраст <= 45",
	"от 18 лет",
	"Помощник повара (опыт <5 лет)",
	"ООО «Рога & Копыта»",
	"AT&T",
	"Иванов И. И. <-> Петров П. П.",
	"<<Ромашка>>",
	"<Иванов>",
	"1 < 2 > 0",
	"<>",
	"<3",
	"Зарплата: 30 000–40 000 ₽ → после испытательного срока",
	"Навыки: JavaScript: базовый, C++ и C#",
	"скидка 50% на питание, 100%!",
	'Должность "повар" в кавычках',
	"Отдел № 5/2, кабинет 3",
	"e-mail: hr@stolovaya.invalid, тел. +7 (812) 555-01-02",
	"&lt;5 лет",  # an entity that decodes to harmless text
	'"просто строка в кавычках"',
	"[1, 2, 3]",
	"{}",
	"Режим работы: 5/2, с 9:00 до 18:00",
	"Ленинградская обл., г. Всеволожск, ул. Заводская, д. 5\nвход со двора",
	"",
]


@pytest.mark.parametrize("payload", FRAMEWORK_PAYLOADS + CHEAT_SHEET_PAYLOADS)
def test_markup_is_caught_as_typed_and_json_wrapped(payload):
	assert contains_markup(payload)
	assert contains_markup(wrapped(payload))
	assert contains_markup(f"Помощник повара {payload} срочно")


@pytest.mark.parametrize("payload", ENCODED_PAYLOADS)
def test_markup_is_caught_through_entities_json_escapes_and_unicode_forms(payload):
	assert contains_markup(payload)


@pytest.mark.parametrize("text", BENIGN_TEXTS)
def test_ordinary_text_with_angle_brackets_and_ampersands_is_accepted(text):
	assert not contains_markup(text)
	assert not contains_raw_markup(text)


def test_none_is_not_markup():
	assert not contains_markup(None)
	assert not contains_raw_markup(None)
	assert not contains_unsafe_link(None)


def test_raw_markup_is_what_escaping_neutralises():
	assert contains_raw_markup(wrapped(ISSUE_PAYLOAD))
	assert contains_raw_markup("<ImG src=x>")
	# Entity-encoded text prints as text; escaping it again would only double the ampersands.
	assert not contains_raw_markup("&lt;img src=x onerror=alert(1)&gt;")
	assert contains_markup("&lt;img src=x onerror=alert(1)&gt;")


def test_hostile_nesting_stays_cheap_and_does_not_crash():
	deep = "[" * 100_000 + "]" * 100_000
	assert not contains_markup(deep)
	many_layers = ISSUE_PAYLOAD
	for _ in range(10):
		many_layers = json.dumps(many_layers)
	assert contains_markup(many_layers)


UNSAFE_LINKS = [
	"javascript:alert(1)",
	"JaVaScRiPt:alert(document.domain)",
	" javascript:alert(1)",
	"\x01javascript:alert(1)",
	"java\tscript:alert(1)",
	"java\nscript:alert(1)",
	"&#106;avascript:alert(1)",
	"&#x6A;&#x61;vascript:alert(1)",
	"jav&#x09;ascript:alert(1)",
	"javascript://%0aalert(1)",  # passes frappe.utils.validate_url: it has a netloc
	"vbscript:msgbox(1)",
	"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
	'"javascript:alert(1)"',
	"ｊａｖａｓｃｒｉｐｔ:alert(1)",
	'https://stolovaya.invalid/" onmouseover="alert(1)',
	"https://stolovaya.invalid/' onmouseover='alert(1)",
	"https://stolovaya.invalid/`",
	"https://stolovaya.invalid/<script>",
	"https://stolovaya.invalid/&quot; onmouseover=&quot;alert(1)",
]

SAFE_LINKS = [
	"https://stolovaya.invalid",
	"http://stolovaya.invalid/vacancies?city=spb&page=2",
	"HTTPS://STOLOVAYA.INVALID/",
	"https://пример.рф/вакансии",
	"https://stolovaya.invalid/path%22encoded",
	"/files/scan.pdf",
	"/private/files/passport-scan.pdf",
	"mailto:hr@stolovaya.invalid",
	"tel:+78125550102",
	"//cdn.stolovaya.invalid/logo.png",
	"",
]


@pytest.mark.parametrize("link", UNSAFE_LINKS)
def test_script_links_and_attribute_breakouts_are_caught(link):
	assert contains_unsafe_link(link)


@pytest.mark.parametrize("link", SAFE_LINKS)
def test_web_addresses_and_file_paths_are_accepted(link):
	assert not contains_unsafe_link(link)
	assert not contains_markup(link)
