"""The dossier a Center sends to an employer (152-ФЗ ст. 9): one PDF of its parts, bookmarks and metadata.

The parts (the Center's cover letter, the graduate's resume, the approved mentor recommendation) arrive as
PDF bytes already printed; this module only joins them. Each part gets a bookmark at its first page, the
document gets a title, an author (the institution) and a subject, and nothing else of the parts travels:
their own outlines and document information (a print's title may be a person's name) are left behind, and
so are annotations (links back to the desk).

The metadata and bookmarks of a file that goes to an outside organisation must not name the person: the
caller passes the words that must not appear (the graduate's names) and the assembly refuses to write them.

Plain bytes in, plain bytes out; pypdf is the only library.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from io import BytesIO

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError

from citi_employment.domain.errors import DomainError


class DossierError(DomainError):
	"""The dossier cannot be assembled as asked: no parts, a part that is not a PDF, personal data in the
	metadata or bookmarks. The message names the part or the field, never the text."""


@dataclass(frozen=True)
class DossierPart:
	"""One document of the dossier: its bookmark title and its printed PDF."""

	title: str
	pdf: bytes


@dataclass(frozen=True)
class DossierMetadata:
	title: str
	author: str
	subject: str


def assemble(
	parts: Sequence[DossierPart], metadata: DossierMetadata, must_not_contain: Iterable[str] = ()
) -> bytes:
	"""The parts joined in order, one bookmark per part, the document information set to ``metadata``.

	``must_not_contain``: words (a person's names) refused in the metadata and the bookmark titles, as whole
	words and without regard to case (a short first name inside a longer word is not a name); blanks are
	ignored."""
	if not parts:
		raise DossierError("a dossier needs at least one part")
	check_free_of(metadata, parts, must_not_contain)
	writer = PdfWriter()
	for index, part in enumerate(parts, start=1):
		reader = read_part(part, index)
		start = len(writer.pages)
		for page in reader.pages:
			writer.add_page(page, excluded_keys=("/Annots", "/B"))
		writer.add_outline_item(part.title, start)
	writer.add_metadata({"/Title": metadata.title, "/Author": metadata.author, "/Subject": metadata.subject})
	# The reader opens on the bookmarks: the employer sees the dossier's parts first.
	writer.page_mode = "/UseOutlines"
	output = BytesIO()
	writer.write(output)
	return output.getvalue()


def read_part(part: DossierPart, index: int) -> PdfReader:
	if not isinstance(part.pdf, bytes | bytearray) or not part.pdf:
		raise DossierError(f"part {index} is empty")
	try:
		reader = PdfReader(BytesIO(part.pdf))
		if not reader.pages:
			raise DossierError(f"part {index} has no pages")
	except (PyPdfError, ValueError, KeyError, TypeError) as error:
		if isinstance(error, DossierError):
			raise
		raise DossierError(f"part {index} is not a readable PDF")
	return reader


def check_free_of(
	metadata: DossierMetadata, parts: Sequence[DossierPart], must_not_contain: Iterable[str]
) -> None:
	patterns = [
		re.compile(rf"(?<!\w){re.escape(word.strip().casefold())}(?!\w)")
		for word in must_not_contain
		if word and word.strip()
	]
	texts = {
		"title": metadata.title,
		"author": metadata.author,
		"subject": metadata.subject,
		**{f"bookmark {index}": part.title for index, part in enumerate(parts, start=1)},
	}
	for field, text in texts.items():
		if not isinstance(text, str) or not text.strip():
			raise DossierError(f"{field} is empty")
		folded = text.casefold()
		if any(pattern.search(folded) for pattern in patterns):
			raise DossierError(f"{field} contains personal data")
