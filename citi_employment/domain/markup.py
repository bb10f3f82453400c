"""Whether a value someone typed would run or render as markup in another person's desk or print.

Values a user types never run as markup (152-ФЗ ст. 19). Frappe v15 sanitises field values on save, but
``frappe.utils.html_utils.sanitize_html`` returns a value untouched when it parses as JSON, so
``"<img src=x onerror=…>"`` in quotes is stored raw and the Standard print shows it unescaped. The rule
here does not trust any one reading of a value: it looks at the value as typed and at every form a browser,
the desk or the framework may turn it into (HTML entities decoded, JSON unwrapped, JavaScript and percent
escapes decoded, Unicode compatibility forms folded), and says whether any of them holds markup.

What counts as markup follows the HTML tokenizer: ``<`` opens a tag, an end tag, a comment or a doctype only
when an ASCII letter, ``/``, ``!`` or ``?`` follows it. So «зарплата > 30000», «стаж <5 лет» and
«<<Ромашка>>» are text to a browser and are accepted.

Plain Python, no frappe: ``citi_employment.write_guards.markup`` applies it to documents.
"""

import html
import json
import re
import unicodedata
from collections.abc import Iterator
from urllib.parse import unquote

# Where a browser's HTML tokenizer leaves the data state: a start tag (<img, <ImG, <svg/onload=), an end tag
# (</title>), a comment, doctype or CDATA (<!--, <!DOCTYPE, <![CDATA[) or a processing instruction (<?xml).
_TAG_OPENER = re.compile(r"<[A-Za-z/!?]")

# \u003c and \x3c: what a value turns into when some layer reads it as a JavaScript or JSON string literal.
_SCRIPT_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\x([0-9A-Fa-f]{2})")

# A URL scheme as browsers read it, after they drop tabs and newlines and leading controls and spaces.
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_URL_IGNORED = re.compile(r"[\t\n\r]")
_URL_LEADING = "".join(chr(code) for code in range(0x21))
SAFE_URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

# Characters that end an HTML attribute or a tag: a link-like value is printed inside href="…" or src="…",
# often unescaped (the desk's URL and Attach formatters do so), so any of them would add attributes.
_ATTRIBUTE_BREAKERS = frozenset("\"'`<>")

# Each reading can lead to further readings (an entity inside a JSON string inside an entity…); a bound
# keeps a hostile, deeply nested value from costing more than a few dozen cheap passes.
_MAX_READINGS = 64
_JSON_STARTS = ('"', "[", "{")


def contains_markup(text: str | None) -> bool:
	"""True when the value, or any form it may be decoded into, holds something a browser parses as markup."""
	if not text:
		return False
	return any(_TAG_OPENER.search(reading) for reading in _readings(text, percent=True))


def contains_raw_markup(text: str | None) -> bool:
	"""True when the value as it stands holds a tag opener, i.e. what ``escape_html`` would neutralise.

	A value that is markup only after decoding (``&lt;img …&gt;``) shows as text when printed as is; this is
	what the neutralising patch leaves behind.
	"""
	return bool(text) and bool(_TAG_OPENER.search(text))


def contains_unsafe_link(text: str | None) -> bool:
	"""True when a value used as a link target (a web address, an attachment URL) could run script.

	Refused: a scheme other than http, https, mailto or tel (``javascript:``, ``vbscript:``, ``data:``, in
	any case, with tabs, newlines, leading controls or entities inside), and quotes, backticks or angle
	brackets that would end the ``href="…"`` attribute the value is printed in. A relative path such as
	``/files/scan.pdf`` has no scheme and is accepted.
	"""
	if not text:
		return False
	for reading in _readings(text, percent=False):
		if _ATTRIBUTE_BREAKERS.intersection(reading):
			return True
		url = _URL_IGNORED.sub("", reading).lstrip(_URL_LEADING)
		scheme = _SCHEME.match(url)
		if scheme and scheme.group(1).lower() not in SAFE_URL_SCHEMES:
			return True
	return False


def _readings(text: str, percent: bool) -> Iterator[str]:
	"""The value and every distinct form it decodes into, breadth first, within ``_MAX_READINGS``."""
	seen = {text}
	queue = [text]
	while queue:
		current = queue.pop(0)
		yield current
		for decoded in _decodings(current, percent):
			if decoded not in seen and len(seen) < _MAX_READINGS:
				seen.add(decoded)
				queue.append(decoded)


def _decodings(text: str, percent: bool) -> Iterator[str]:
	yield html.unescape(text)
	yield unicodedata.normalize("NFKC", text)
	yield _SCRIPT_ESCAPE.sub(_unescape_script, text)
	if percent:
		yield unquote(text)
	yield from _json_strings(text)


def _unescape_script(match: re.Match) -> str:
	return chr(int(match.group(1) or match.group(2), 16))


def _json_strings(text: str) -> Iterator[str]:
	"""Every string (keys too) inside the value when it parses as a JSON string, list or object."""
	if not text.lstrip().startswith(_JSON_STARTS):
		return
	try:
		value = json.loads(text)
	except (ValueError, RecursionError):
		return
	stack = [value]
	while stack:
		item = stack.pop()
		if isinstance(item, str):
			yield item
		elif isinstance(item, list):
			stack.extend(item)
		elif isinstance(item, dict):
			stack.extend(item.keys())
			stack.extend(item.values())
