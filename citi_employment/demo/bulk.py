"""The demo's bulk path: records written a thousand at a time, as `Document.insert()` would have left them.

`insert()` per record runs the controller, the hooks, a Version and the global search queue for each one:
hours for a region's data. Here a record is a plain dict of its values; the writer gives it its name from
the same counter the framework's naming uses (``tabSeries``), fills the standard columns, writes child rows
with their parent, batches the rows into multi-row INSERTs and, at the end, moves the counters past what it
used and writes the global search rows the framework would have queued. The controllers' rules are applied
by whoever builds the values (``citi_employment.domain.demo``); the bench test validates a sample of the
loaded records through the controllers.
"""

from datetime import date, datetime

import frappe
from frappe.model import numeric_fieldtypes, table_fields
from frappe.utils import cstr, now_datetime
from frappe.utils.global_search import get_formatted_value
from pypika.terms import Term, Values

BATCH_ROWS = 1000
SEARCH_UPDATED = ("content", "published", "title", "route")


class BulkWriter:
	def __init__(self, batch_rows: int = BATCH_ROWS):
		self.batch_rows = batch_rows
		self.pending: dict[str, list[dict]] = {}
		self.columns: dict[str, list[str]] = {}
		self.defaults: dict[str, dict] = {}
		self.series: dict[str, int] = {}
		self.search_rows: list[tuple] = []
		self.counts: dict[str, int] = {}
		self.now = now_datetime()
		self.metas: dict = {}
		self.keys: dict[str, tuple[str, int]] = {}

	def meta(self, doctype: str):
		"""The DocType's meta, looked up once: ``frappe.get_meta`` asks Redis on every call."""
		if doctype not in self.metas:
			meta = frappe.get_meta(doctype)
			self.metas[doctype] = frappe._dict(
				meta=meta,
				autoname=meta.autoname or "",
				tables=[(table.fieldname, table.options) for table in meta.get_table_fields()],
				search_fields=[
					field for field in meta.get_global_search_fields() if field.fieldtype not in table_fields
				]
				if not meta.istable
				else [],
				title_field=meta.get_title_field(),
			)
		return self.metas[doctype]

	# --- names ----------------------------------------------------------------------------------------

	def series_key(self, doctype: str) -> tuple[str, int]:
		"""The ``tabSeries`` key and digit count of ``format:EMP-{#####}`` style names."""
		if doctype not in self.keys:
			head, hashes, _tail = _split_hashes(self.meta(doctype).autoname.removeprefix("format:"))
			# The date words as ``_format_autoname`` substitutes them; the counter's key is the text before the hashes.
			prefix = head.replace("{YYYY}", f"{self.now:%Y}").replace("{YY}", f"{self.now:%y}")
			self.keys[doctype] = (prefix, len(hashes))
		return self.keys[doctype]

	def peek_series(self, key: str) -> int:
		"""The last number issued in ``key``: the one this load drew last, else the stored counter."""
		if key not in self.series:
			series = frappe.qb.DocType("Series")
			current = frappe.qb.from_(series).select(series.current).where(series.name == key).run()
			self.series[key] = int(current[0][0] or 0) if current else 0
		return self.series[key]

	def next_in_series(self, key: str) -> int:
		self.series[key] = self.peek_series(key) + 1
		return self.series[key]

	def new_name(self, doctype: str) -> str:
		"""The name ``autoname`` gives, drawn from the same counter."""
		key, digits = self.series_key(doctype)
		return f"{key}{self.next_in_series(key):0{digits}d}"

	def fresh(self) -> "BulkWriter":
		"""An empty writer with this one's looked-up metadata (for a worker process)."""
		writer = BulkWriter(self.batch_rows)
		writer.metas, writer.keys, writer.columns, writer.defaults = (
			self.metas,
			self.keys,
			self.columns,
			self.defaults,
		)
		return writer

	def save_series(self) -> None:
		"""Move every counter used past the last number issued (never back: someone may have drawn since)."""
		for key, current in self.series.items():
			frappe.db.sql(
				"INSERT INTO `tabSeries` (`name`, `current`) VALUES (%s, %s) "
				"ON DUPLICATE KEY UPDATE `current` = GREATEST(`current`, VALUES(`current`))",
				(key, current),
			)

	# --- rows -----------------------------------------------------------------------------------------

	def add(self, doctype: str, values: dict, owner: str, created=None) -> dict:
		"""Queue one record (with its child rows under their table fieldnames); returns its values."""
		meta = self.meta(doctype)
		if not values.get("name"):
			values["name"] = self.new_name(doctype)
		values.setdefault("docstatus", 0)
		stamp = created or self.now
		values["owner"] = values["modified_by"] = owner
		values["creation"] = stamp
		values["modified"] = values.get("modified") or stamp
		for fieldname, child_doctype in meta.tables:
			rows = values.pop(fieldname, None) or []
			for idx, row in enumerate(rows, start=1):
				row.update(
					name=frappe.generate_hash(length=10),
					parent=values["name"],
					parenttype=doctype,
					parentfield=fieldname,
					idx=idx,
					docstatus=values["docstatus"],
					owner=owner,
					modified_by=owner,
					creation=stamp,
					modified=values["modified"],
				)
				self._queue(child_doctype, row)
		self._search_row(meta, values)
		self._queue(doctype, values)
		return values

	def _queue(self, doctype: str, values: dict) -> None:
		rows = self.pending.setdefault(doctype, [])
		rows.append(values)
		self.counts[doctype] = self.counts.get(doctype, 0) + 1
		if len(rows) >= self.batch_rows:
			self.flush(doctype)

	def flush(self, doctype: str | None = None) -> None:
		for name in [doctype] if doctype else list(self.pending):
			rows = self.pending.pop(name, [])
			if rows:
				self._insert(name, rows)
		if doctype is None:
			self.flush_search()

	def _insert(self, doctype: str, rows: list[dict]) -> None:
		columns = self._columns(doctype)
		defaults = self.defaults[doctype]
		values = [
			RowValues(
				[defaults.get(column) if row.get(column) is None else row[column] for column in columns]
			)
			for row in rows
		]
		frappe.qb.into(frappe.qb.DocType(doctype)).columns(*columns).insert(*((row,) for row in values)).run()

	def _columns(self, doctype: str) -> list[str]:
		if doctype not in self.columns:
			meta = self.meta(doctype).meta
			self.columns[doctype] = [
				column for column in meta.get_valid_columns() if not column.startswith("_")
			]
			defaults = {"docstatus": 0, "idx": 0}
			for field in meta.fields:
				if field.fieldtype in table_fields:
					continue
				if field.fieldtype in numeric_fieldtypes or field.fieldtype == "Check":
					defaults[field.fieldname] = _number(field.default)
				elif field.fieldtype == "Select" and field.default:
					defaults[field.fieldname] = field.default
			self.defaults[doctype] = defaults
		return self.columns[doctype]

	# --- global search --------------------------------------------------------------------------------

	def _search_row(self, meta, values: dict) -> None:
		"""What ``frappe.utils.global_search.update_global_search`` would queue for the record."""
		if not meta.search_fields or values.get("docstatus", 0) > 1:
			return
		content = [
			get_formatted_value(values.get(field.fieldname), field)
			for field in meta.search_fields
			if values.get(field.fieldname)
		]
		if not content:
			return
		title = cstr(values.get(meta.title_field) or values["name"])[:140]
		self.search_rows.append((meta.meta.name, values["name"], " ||| ".join(content), 0, title, ""))

	def flush_search(self) -> None:
		rows, self.search_rows = self.search_rows, []
		for start in range(0, len(rows), self.batch_rows):
			_insert_search(rows[start : start + self.batch_rows])


class RowValues(Term):
	"""One row of a multi-row INSERT, written as frappe.qb writes a value: a number, a date or a NULL as SQL
	text made from its type (``ValueWrapper``), a string as a parameter (``NamedParameterWrapper``). No
	wrapper object per value, and no parameter for the values that need none: a region's load passes some
	hundred million values."""

	def __init__(self, values: list) -> None:
		super().__init__()
		self.values = values

	def get_sql(self, param_wrapper=None, **kwargs) -> str:
		if param_wrapper is None:
			raise ValueError("RowValues are sent as parameters: run the query through frappe.qb")
		return ",".join([_value_sql(value, param_wrapper) for value in self.values])


def _value_sql(value, param_wrapper) -> str:
	if value is None:
		return "NULL"
	kind = type(value)
	if kind is int or kind is float:
		return repr(value)
	if kind is bool:
		return "1" if value else "0"
	if kind is datetime:
		return f"'{value:%Y-%m-%d %H:%M:%S.%f}'"
	if kind is date:
		return f"'{value:%Y-%m-%d}'"
	return param_wrapper.get_sql(value)


def _insert_search(rows: list[tuple]) -> None:
	"""As ``frappe.utils.global_search.sync_values`` does: an upsert. The table is MyISAM (for its full-text
	index), so a rolled-back load can leave rows behind that a later load then updates."""
	table = frappe.qb.Table("__global_search")
	query = frappe.qb.into(table).columns("doctype", "name", *SEARCH_UPDATED).insert(*rows)
	for column in SEARCH_UPDATED:
		query = query.on_duplicate_key_update(table[column], Values(column))
	query.run()


def _split_hashes(expression: str) -> tuple[str, str, str]:
	"""``EMP-{#####}`` -> ("EMP-", "#####", ""); ``GRAD-{YYYY}-{#####}`` -> ("GRAD-{YYYY}-", "#####", "")."""
	start = expression.index("{#")
	end = expression.index("}", start)
	return expression[:start], expression[start + 1 : end], expression[end + 1 :]


def _number(default) -> int | float:
	try:
		value = float(default or 0)
	except (TypeError, ValueError):
		return 0
	return int(value) if value.is_integer() else value
