"""Destruction of a graduate's personal data after a revocation (ст. 21 ч. 5 152-ФЗ) and its act.

The graduate record stays, depersonalised, so that placements and monitoring keep counting in the
statistics. Everything that identifies the person is deleted: Graduate Personal Data, resumes, applications,
attachments (rows and files), shares, and every copy Frappe keeps on the side (Version, Deleted Document,
comments, communications, e-mail queue, to-dos, notification and activity logs, global search), each
found by its reference to the subject's records, never by a name in its text, so nothing of anyone else
goes. A mail about the subject takes its attachments with it: the desk's e-mail dialog copies each chosen
File into a second File row on the Communication, and that row alone would keep the scan on disk. The
Personal Data Destruction Act (Roskomnadzor order №179 of 28.10.2022) is the only place the name survives.
"""

import json
import re

import frappe
from frappe import _
from frappe.core.doctype.file.utils import delete_file
from frappe.utils import cint, get_fullname, getdate, now_datetime

from citi_employment.domain import consents as rules
from citi_employment.domain.consents import ConsentError, ConsentProblem
from citi_employment.domain.dates import date_or_none
from citi_employment.domain.russian_text import LANGUAGE
from citi_employment.personal_data.consents import (
	CONSENT_DOCTYPE,
	ConsentRuleError,
	refresh_consent_status,
	require_roles,
	throw_consent_error,
	to_state,
)
from citi_employment.personal_data.side_tables import PURGED_WITH_OWN_RULES, SIDE_TABLES
from citi_employment.roles import EMPLOYMENT_CENTER_HEAD

MODULE = "Citi Employment"
GRADUATE = "Graduate"
ACT_DOCTYPE = "Personal Data Destruction Act"
TRANSFER_DOCTYPE = "Personal Data Transfer"
# Deleted outright: their text is about the person (a resume, an application, the psychologist's and teacher's
# recommendations), so depersonalising the name would leave the person recognisable.
DELETED_DOCTYPES = (
	"Student Resume",
	"Employment Assistance Application",
	"Graduate Personal Data",
	"Mentor Recommendation",
)
# Kept, but their copies of the name are replaced: the consents prove the lawful basis and the revocation.
GRADUATE_BLANK_FIELDS = (
	"patronymic",
	"phone",
	"email",
	"registration_address",
	"actual_address",
	"photo",
	"marital_status",
	"certificate_number",
)
STRING_FIELDTYPES = (
	"Data",
	"Small Text",
	"Text",
	"Long Text",
	"Text Editor",
	"Read Only",
	"Code",
	"HTML Editor",
)
INFORMATION_SYSTEM = (
	"Информационная система «Трудоустройство выпускников» (Frappe, приложение citi_employment)"
)
DESTRUCTION_METHOD = (
	"Удаление записей из базы данных информационной системы без возможности восстановления, "
	"включая копии в журнале изменений, корзине удалённых документов, вложения и файлы на диске; "
	"обезличивание учётной записи выпускника для статистики"
)
REASON = "Отзыв субъектом персональных данных согласия на обработку персональных данных (ч. 5 ст. 21 152-ФЗ)"


@frappe.whitelist(methods=["POST"])
def destroy(consent: str, confirm_early: int | str = 0) -> str:
	"""The Head's button: destroy the data of a revoked consent now; before the due date only if confirmed."""
	require_roles(EMPLOYMENT_CENTER_HEAD)
	frappe.get_doc(CONSENT_DOCTYPE, consent).check_permission("read")
	return destroy_revoked_consent(consent, confirm_early=parse_confirmation(confirm_early))


def parse_confirmation(confirm_early) -> bool:
	"""Only 1 confirms an early destruction; 0 or nothing does not, and any other value is refused."""
	if confirm_early in (None, "", 0, 1, "0", "1"):
		return bool(cint(confirm_early))
	frappe.throw(
		_("Confirm the early destruction with 1, or pass 0 to wait for the due date."),
		title=_("Invalid Value"),
	)


def destroy_revoked_consent(consent: str, confirm_early: bool = False) -> str:
	"""Destroy, depersonalise, purge and write the act; returns the act's name."""
	doc = frappe.get_doc(CONSENT_DOCTYPE, consent)
	try:
		rules.check_destruction_allowed(
			to_state(doc),
			date_or_none(doc.destruction_due_on),
			getdate(),
			confirm_early,
		)
	except ConsentError as error:
		throw_consent_error(error)
	if doc.kind != rules.PROCESSING:
		throw_consent_error(ConsentError(ConsentProblem.NOT_REVOKED), exc=ConsentRuleError)
	return Destruction(doc).run()


class Destruction:
	def __init__(self, consent):
		self.consent = consent
		self.graduate = frappe.get_doc(GRADUATE, consent.graduate)
		self.subject_full_name = self.graduate.full_name
		self.token = rules.depersonalised_name(self.graduate.name)
		self.names = [
			name
			for name in (self.graduate.full_name, self.graduate.last_name)
			if name and len(name.strip()) >= 3
		]
		self.events: list[str] = []
		self.counts: dict[str, int] = {}
		# Parents of child rows about the graduate, and Deleted Document rows (name, doctype, docname) of theirs.
		self.parents: dict[str, set[str]] = {}
		self.deleted_copies: list[tuple[str, str, str]] = []
		# File rows deleted, and the URLs whose files leave the disk after the commit if no row points there.
		self.deleted_files: set[str] = set()
		self.file_urls: set[str] = set()

	def log(self, text: str) -> None:
		self.events.append(f"{now_datetime():%Y-%m-%d %H:%M:%S} — {text}")

	def count(self, doctype: str, number: int) -> None:
		if number:
			self.counts[doctype] = self.counts.get(doctype, 0) + number

	def run(self) -> str:
		self.log(f"Начато уничтожение персональных данных по отзыву согласия {self.consent.name}")
		targets = self.collect_targets()
		self.delete_files(targets)
		self.delete_shares(targets)
		self.delete_documents(targets)
		self.depersonalise_graduate()
		self.depersonalise_linked_rows()
		self.purge_side_copies(targets)
		self.remove_files_after_commit()
		self.log("Уничтожение завершено")
		act = self.make_act()
		self.mark_consents(act)
		refresh_consent_status(self.graduate.name)
		return act

	# --- what -----------------------------------------------------------------------------------

	def collect_targets(self) -> dict[str, list[str]]:
		"""The subject's records: the graduate and every record of the app that links them.

		Found through the meta (every Link to Graduate in the module), so a new DocType is covered without
		touching this list. The act is left out: it is the one record that keeps the name.
		"""
		targets: dict[str, set[str]] = {GRADUATE: {self.graduate.name}}
		for meta, fieldname in graduate_links():
			if meta.name == ACT_DOCTYPE:
				continue
			table = frappe.qb.DocType(meta.name)
			if meta.istable:
				# A child row about the graduate: its parent's history holds the row.
				rows = (
					frappe.qb.from_(table)
					.select(table.parenttype, table.parent)
					.where(table[fieldname] == self.graduate.name)
					.run(as_dict=True)
				)
				for row in rows:
					if row.parenttype and row.parent:
						self.parents.setdefault(row.parenttype, set()).add(row.parent)
				continue
			names = frappe.qb.from_(table).select(table.name).where(table[fieldname] == self.graduate.name)
			targets.setdefault(meta.name, set()).update(names.run(pluck=True))
		self.deleted_copies = self.subject_deleted_documents(targets)
		return {doctype: sorted(names) for doctype, names in targets.items() if names}

	def subject_deleted_documents(self, targets) -> list[tuple[str, str, str]]:
		"""Deleted Document rows of the app holding the subject: a copy of one of their records, or any
		deleted record whose JSON links the graduate (exactly ``"graduate": "<ID>"``, not a substring)."""
		doctypes = self.module_doctypes()
		if not doctypes:
			return []
		table = frappe.qb.DocType("Deleted Document")
		condition = None
		for doctype, names in (*targets.items(), *self.parents.items()):
			if doctype in doctypes and names:
				term = (table.deleted_doctype == doctype) & table.deleted_name.isin(list(names))
				condition = term if condition is None else condition | term
		for fieldname in {fieldname for _meta, fieldname in graduate_links()}:
			term = table.data.like(json_value_pattern(fieldname, self.graduate.name))
			condition = term if condition is None else condition | term
		return (
			frappe.qb.from_(table)
			.select(table.name, table.deleted_doctype, table.deleted_name)
			.where(table.deleted_doctype.isin(doctypes) & (condition))
			.run()
		)

	@staticmethod
	def pairs(targets: dict[str, list[str]]):
		return [(doctype, name) for doctype, names in targets.items() for name in names]

	# --- delete ---------------------------------------------------------------------------------

	def delete_files(self, targets) -> None:
		"""Only File rows attached to the subject's records (the photo too, attached to the graduate)."""
		deleted = self.delete_attachments(targets)
		self.log(f"Удалены вложенные файлы: {deleted}")

	def delete_attachments(self, attached_to) -> int:
		"""Delete the File rows attached to these records; their files are queued for the disk.

		A file_url may be shared by several File rows (Frappe reuses the file of an identical upload), so a
		file leaves the disk only after the commit and only if no File row points to it any more: a rollback
		keeps the rows and therefore the file.
		"""
		names = set()
		for doctype, docnames in attached_to.items():
			if docnames:
				names.update(
					frappe.get_all(
						"File",
						filters={"attached_to_doctype": doctype, "attached_to_name": ("in", list(docnames))},
						pluck="name",
					)
				)
		for name in names:
			row = frappe.db.get_value("File", name, ["file_url", "thumbnail_url", "is_folder"], as_dict=True)
			if row.is_folder:
				continue
			self.file_urls.update(url for url in (row.file_url, row.thumbnail_url) if is_local_file_url(url))
			# A plain delete: File.on_trash would remove the shared file at once and comment on the record.
			frappe.db.delete("File", {"name": name})
		self.deleted_files.update(names)
		self.count("File", len(names))
		return len(names)

	def remove_files_after_commit(self) -> None:
		urls = set(self.file_urls)
		if urls:
			frappe.db.after_commit.add(lambda: remove_unreferenced_files(urls))

	def delete_shares(self, targets) -> None:
		deleted = 0
		for doctype, docnames in targets.items():
			if docnames:
				filters = {"share_doctype": doctype, "share_name": ("in", docnames)}
				deleted += frappe.db.count("DocShare", filters)
				frappe.db.delete("DocShare", filters)
		self.count("DocShare", deleted)
		self.log(f"Отозваны права доступа (DocShare): {deleted}")

	def delete_documents(self, targets) -> None:
		for doctype in DELETED_DOCTYPES:
			for name in targets.get(doctype, []):
				if frappe.db.get_value(doctype, name, "docstatus") == 1:
					# A submitted record cannot be deleted; it is cancelled silently first, no Version made.
					frappe.db.set_value(doctype, name, "docstatus", 2, update_modified=False)
				frappe.delete_doc(doctype, name, ignore_permissions=True, force=True, delete_permanently=True)
			self.count(doctype, len(targets.get(doctype, [])))
			# The log is the act's Russian text, whatever the language of the Head who destroys.
			self.log(f"Удалены записи «{_(doctype, lang=LANGUAGE)}»: {len(targets.get(doctype, []))}")

	# --- depersonalise --------------------------------------------------------------------------

	def depersonalise_graduate(self) -> None:
		"""Keep what statistics need (gender, birth year, profession, group, study dates, statuses)."""
		values = {field: None for field in GRADUATE_BLANK_FIELDS if self.graduate.meta.has_field(field)}
		values.update(
			{
				"last_name": None,
				"first_name": self.token,
				"_comments": None,
				"full_name": self.token,
				"date_of_birth": rules.depersonalised_date_of_birth(
					date_or_none(self.graduate.date_of_birth)
				),
			}
		)
		# db.set_value writes no Version: the old values must not be copied anywhere.
		frappe.db.set_value(GRADUATE, self.graduate.name, values, update_modified=False)
		for field in self.graduate.meta.get_table_fields():
			frappe.db.delete(field.options, {"parenttype": GRADUATE, "parent": self.graduate.name})
		self.log("Учётная запись выпускника обезличена; законные представители удалены")

	def depersonalise_linked_rows(self) -> None:
		"""Every row of the app that links the graduate: refetch fetched names, replace the name in text."""
		changed = 0
		for meta, fieldname in graduate_links():
			if meta.name not in (GRADUATE, ACT_DOCTYPE, *DELETED_DOCTYPES):
				changed += self.depersonalise_rows(meta, fieldname)
		self.count("Обезличенные связанные записи", changed)
		self.log(f"Обезличены связанные записи (трудоустройство, мониторинг и др.): {changed}")

	def depersonalise_rows(self, meta, link_field: str) -> int:
		string_fields = [field.fieldname for field in meta.fields if field.fieldtype in STRING_FIELDTYPES]
		if not meta.istable:
			string_fields.append("_comments")  # Frappe's cache of the latest comments, shown in list views
		fetched = {
			field.fieldname: field.fetch_from.split(".", 1)[1]
			for field in meta.fields
			if field.fetch_from and field.fetch_from.startswith(f"{link_field}.")
		}
		graduate_now = frappe.db.get_value(
			GRADUATE, self.graduate.name, list(set(fetched.values())) or "name", as_dict=True
		)
		rows = frappe.get_all(
			meta.name, filters={link_field: self.graduate.name}, fields=["name", *string_fields]
		)
		changed = 0
		for row in rows:
			values = {fieldname: graduate_now.get(source) for fieldname, source in fetched.items()}
			for fieldname in string_fields:
				if fieldname in values:
					continue
				text = row.get(fieldname)
				scrubbed = self.scrub(text)
				if scrubbed != text:
					values[fieldname] = scrubbed
			if values:
				frappe.db.set_value(meta.name, row.name, values, update_modified=False)
				changed += 1
		return changed

	def scrub(self, text):
		"""Replace the name as a whole word (a surname «Ким» leaves «Акимов» alone)."""
		if not isinstance(text, str):
			return text
		for name in self.names:
			text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", lambda _match: self.token, text)
		return text

	# --- purge side copies ----------------------------------------------------------------------

	def purge_side_copies(self, targets) -> None:
		"""Every copy Frappe keeps on the side, found by its reference to the subject's records only."""
		pairs = self.pairs(targets)
		deleted_copies = [(doctype, name) for _row, doctype, name in self.deleted_copies]
		# Child rows about the graduate live in their parent's history.
		self.purge_by_reference("Version", "ref_doctype", "docname", [*pairs, *self.pairs(self.parents)])
		self.purge_by_reference("Version", "ref_doctype", "docname", deleted_copies, counted=False)
		self.purge_deleted_documents()
		pairs = [*pairs, *deleted_copies]
		communications = self.purge_communications(pairs)
		queued = self.purge_email_queue(pairs, communications)
		# The mails' own File rows: the desk's copy of each attachment, and the PDFs Frappe may store.
		deleted = self.delete_attachments({"Communication": communications, "Email Queue": queued})
		self.log(f"Удалены вложения удалённых писем: {deleted}")
		pairs = [
			*pairs,
			*(("Communication", name) for name in communications),
			*(("Email Queue", name) for name in queued),
			# Download entries in the Access Log, and any comment, name the deleted File rows.
			*(("File", name) for name in sorted(self.deleted_files)),
		]
		for table in SIDE_TABLES:
			if table.name_field and table.doctype not in PURGED_WITH_OWN_RULES:
				self.purge_by_reference(table.doctype, table.type_field, table.name_field, pairs)
		self.clear_comment_caches(targets)
		for doctype, name in pairs:
			frappe.db.delete("__global_search", {"doctype": doctype, "name": name})
		self.log(
			"Удалены копии в журнале изменений, корзине, комментариях, переписке, очереди писем и журналах"
		)

	def module_doctypes(self) -> list[str]:
		return frappe.get_all("DocType", filters={"module": MODULE}, pluck="name")

	def purge_by_reference(
		self, doctype: str, type_field: str, name_field: str, pairs, counted: bool = True
	) -> None:
		if not frappe.db.table_exists(doctype):
			return
		deleted = 0
		by_type: dict[str, set[str]] = {}
		for reference_doctype, name in pairs:
			by_type.setdefault(reference_doctype, set()).add(name)
		for reference_doctype, names in by_type.items():
			filters = {type_field: reference_doctype, name_field: ("in", list(names))}
			deleted += frappe.db.count(doctype, filters)
			frappe.db.delete(doctype, filters)
		if counted:
			self.count(doctype, deleted)

	def purge_deleted_documents(self) -> None:
		names = [row[0] for row in self.deleted_copies]
		if names:
			frappe.db.delete("Deleted Document", {"name": ("in", names)})
		self.count("Deleted Document", len(names))

	def clear_comment_caches(self, targets) -> None:
		"""Kept records cache their latest comments in ``_comments``; those comments are gone now."""
		for doctype, names in targets.items():
			if doctype in DELETED_DOCTYPES or frappe.get_meta(doctype).istable:
				continue
			table = frappe.qb.DocType(doctype)
			frappe.qb.update(table).set(table._comments, None).where(table.name.isin(names)).run()

	def purge_communications(self, pairs) -> list[str]:
		names = filed_under("Communication", pairs)
		for doctype, name in pairs:
			names.update(
				frappe.get_all(
					"Communication Link", filters={"link_doctype": doctype, "link_name": name}, pluck="parent"
				)
			)
		if names:
			frappe.db.delete("Communication Link", {"parent": ("in", list(names))})
			frappe.db.delete("Communication", {"name": ("in", list(names))})
		self.count("Communication", len(names))
		return sorted(names)

	def purge_email_queue(self, pairs, communications: list[str]) -> list[str]:
		"""Delete the queued mails about the subject or of their communications; returns their names.

		A queued mail keeps its attachments as references (a File row's name or a file URL) to be read when
		it is sent; each referenced file is queued for the disk, where it stays while any File row (another
		record's attachment) points to it.
		"""
		names = filed_under("Email Queue", pairs)
		if communications:
			names.update(
				frappe.get_all("Email Queue", filters={"communication": ("in", communications)}, pluck="name")
			)
		if names:
			for attachments in frappe.get_all(
				"Email Queue", filters={"name": ("in", list(names))}, pluck="attachments"
			):
				self.file_urls.update(referenced_file_urls(attachments))
			frappe.db.delete("Email Queue Recipient", {"parent": ("in", list(names))})
			frappe.db.delete("Email Queue", {"name": ("in", list(names))})
		self.count("Email Queue", len(names))
		return sorted(names)

	# --- act ------------------------------------------------------------------------------------

	def make_act(self) -> str:
		user = frappe.session.user
		categories = [row.category for row in self.consent.data_categories] or frappe.get_all(
			"Personal Data Category", pluck="name", order_by="sort_order asc"
		)
		act = frappe.get_doc(
			{
				"doctype": ACT_DOCTYPE,
				"act_date": getdate(),
				"graduate": self.graduate.name,
				"consent": self.consent.name,
				"performed_by": user,
				"performed_by_name": get_fullname(user),
				"performed_at": now_datetime(),
				"subject_full_name": self.subject_full_name,
				"reason": REASON,
				"information_system": INFORMATION_SYSTEM,
				"destruction_method": DESTRUCTION_METHOD,
				"categories": [{"category": category} for category in categories],
				"destroyed_records": "\n".join(
					f"{doctype}: {number}" for doctype, number in self.counts.items()
				),
				"event_log": "\n".join(self.events),
				"docstatus": 1,
			}
		)
		act.flags.ignore_permissions = True
		act.flags.written_by_service = True
		act.insert()
		return act.name

	def mark_consents(self, act: str) -> None:
		today = getdate()
		for name in frappe.get_all(CONSENT_DOCTYPE, filters={"graduate": self.graduate.name}, pluck="name"):
			values = {
				"graduate_name": self.token,
				"representative": None,
				"representative_address": None,
				"_comments": None,
			}
			if name == self.consent.name:
				values.update({"destroyed_on": today, "destruction_act": act})
			frappe.db.set_value(CONSENT_DOCTYPE, name, values, update_modified=False)
		# The revoked consent's own history held the name; purge it after the last write too.
		frappe.db.delete("Version", {"ref_doctype": CONSENT_DOCTYPE, "docname": self.consent.name})


def graduate_links() -> list[tuple]:
	"""(meta, fieldname) of every Link to Graduate in the app's stored DocTypes, child tables included."""
	links = []
	for doctype in frappe.get_all("DocType", filters={"module": MODULE}, pluck="name"):
		meta = frappe.get_meta(doctype)
		if meta.issingle or meta.is_virtual:
			continue
		links.extend(
			(meta, field.fieldname)
			for field in meta.get("fields", {"fieldtype": "Link", "options": GRADUATE})
		)
	return links


def json_value_pattern(fieldname: str, value: str) -> str:
	"""LIKE pattern for ``"fieldname": "value"`` as ``frappe.as_json`` writes it: the closing quote makes
	GRAD-2026-10000 not match GRAD-2026-100001."""
	return f"%{escape_like(json.dumps(fieldname) + ': ' + json.dumps(value))}%"


def escape_like(text: str) -> str:
	return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def is_local_file_url(url: str | None) -> bool:
	"""A file of the site's own folders, as Frappe names it: ``/files/<name>`` or ``/private/files/<name>``.

	A URL into a subfolder is left alone: ``delete_file`` would resolve it to another file of that name.
	"""
	if not url or not isinstance(url, str):
		return False
	for prefix in ("/files/", "/private/files/"):
		if url.startswith(prefix):
			name = url[len(prefix) :]
			return bool(name) and "/" not in name and name not in (".", "..")
	return False


def referenced_file_urls(attachments: str | None) -> set[str]:
	"""The file URLs a queued mail's ``attachments`` JSON refers to, by File row (``fid``) or by URL."""
	try:
		entries = json.loads(attachments) if attachments else []
	except ValueError:
		return set()
	urls = set()
	for entry in entries if isinstance(entries, list) else []:
		if not isinstance(entry, dict):
			continue
		if entry.get("fid"):
			row = frappe.db.get_value("File", entry["fid"], ["file_url", "thumbnail_url"], as_dict=True)
			if row:
				urls.update((row.file_url, row.thumbnail_url))
		urls.add(entry.get("file_url"))
	return {url for url in urls if is_local_file_url(url)}


def remove_unreferenced_files(urls) -> None:
	"""After the commit: remove each file from disk unless a File row (another graduate's identical upload,
	or the subject's own row restored by a rollback) still points to it."""
	for url in urls:
		if not frappe.db.exists("File", {"file_url": url}) and not frappe.db.exists(
			"File", {"thumbnail_url": url}
		):
			delete_file(url)


def filed_under(doctype: str, pairs) -> set[str]:
	"""The ``doctype`` rows filed under any of the records (``reference_doctype`` and ``reference_name``)."""
	names = set()
	for reference_doctype, reference_name in pairs:
		names.update(
			frappe.get_all(
				doctype,
				filters={"reference_doctype": reference_doctype, "reference_name": reference_name},
				pluck="name",
			)
		)
	return names
