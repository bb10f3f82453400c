"""The employer dossier's assembly: reopened with pypdf, it has the parts' pages in order, one bookmark per
part, the metadata asked for, and nothing of the parts' own metadata or bookmarks (a name)."""

from io import BytesIO

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject

from citi_employment.domain.dossier import DossierError, DossierMetadata, DossierPart, assemble

NAME = "Петров Пётр Петрович"
METADATA = DossierMetadata(
	title="Досье кандидата для работодателя",
	author="ГАНПОУ ЛО «МЦ СиТИ»",
	subject="Сопроводительное письмо, резюме, рекомендации наставнику",
)


def pdf(pages: int, title: str = NAME, outline: str | None = NAME, link: bool = False) -> bytes:
	"""A PDF as a print gives it: its own title (the document's name) and, for some, bookmarks and links."""
	writer = PdfWriter()
	for _ in range(pages):
		writer.add_blank_page(width=595, height=842)
	writer.add_metadata({"/Title": title, "/Author": NAME, "/Keywords": NAME})
	if outline:
		writer.add_outline_item(outline, 0)
	if link:
		writer.add_uri(0, "http://desk.invalid/app/graduate/1", [10, 10, 100, 30])
	output = BytesIO()
	writer.write(output)
	return output.getvalue()


PARTS = [
	DossierPart("Сопроводительное письмо", pdf(1, outline=None)),
	DossierPart("Резюме обучающегося", pdf(2, link=True)),
	DossierPart("Рекомендации наставникам", pdf(3)),
]


def reopen(data: bytes) -> PdfReader:
	return PdfReader(BytesIO(data))


def outline_entries(reader: PdfReader) -> list[tuple[str, int]]:
	return [(item.title, reader.get_destination_page_number(item)) for item in reader.outline]


def test_the_parts_are_joined_in_order_with_one_bookmark_each():
	reader = reopen(assemble(PARTS, METADATA))
	assert len(reader.pages) == 6
	assert outline_entries(reader) == [
		("Сопроводительное письмо", 0),
		("Резюме обучающегося", 1),
		("Рекомендации наставникам", 3),
	]
	assert reader.trailer["/Root"]["/PageMode"] == NameObject("/UseOutlines")


def test_the_metadata_is_the_dossier_s_and_nothing_of_the_parts():
	data = assemble(PARTS, METADATA, must_not_contain=NAME.split())
	reader = reopen(data)
	assert reader.metadata.title == METADATA.title
	assert reader.metadata.author == METADATA.author
	assert reader.metadata.subject == METADATA.subject
	assert "/Keywords" not in reader.metadata
	for value in reader.metadata.values():
		assert "Петров" not in str(value)
	for title, _page in outline_entries(reader):
		assert "Петров" not in title
	# Nor anywhere in the file: not in UTF-16 (as pypdf writes Cyrillic text strings), not in UTF-8.
	for encoding in ("utf-16-be", "utf-8"):
		assert "Петров".encode(encoding) not in data


def test_links_back_to_the_desk_are_left_out():
	reader = reopen(assemble(PARTS, METADATA))
	assert all("/Annots" not in page for page in reader.pages)


@pytest.mark.parametrize(
	"metadata, parts",
	[
		(DossierMetadata("Досье: Петров", METADATA.author, METADATA.subject), PARTS),
		(DossierMetadata(METADATA.title, METADATA.author, "резюме ПЁТР"), PARTS),
		(METADATA, [DossierPart("Резюме — Петрович", pdf(1))]),
	],
)
def test_a_name_in_the_metadata_or_a_bookmark_is_refused(metadata, parts):
	with pytest.raises(DossierError) as caught:
		assemble(parts, metadata, must_not_contain=NAME.split())
	assert "Петр" not in str(caught.value)


@pytest.mark.parametrize(
	"parts",
	[
		[],
		[DossierPart("Резюме", b"")],
		[DossierPart("Резюме", b"not a pdf at all")],
		[DossierPart("", pdf(1))],
	],
)
def test_what_cannot_be_a_dossier_is_refused(parts):
	with pytest.raises(DossierError):
		assemble(parts, METADATA)


def test_a_short_name_inside_a_longer_word_is_not_a_name():
	# «Ия» is a first name, and «ия» ends many Russian words.
	metadata = DossierMetadata("Досье: информация о кандидате", METADATA.author, "Рекомендация")
	reopen(assemble(PARTS, metadata, must_not_contain=["Ия", "Ко"]))
	with pytest.raises(DossierError):
		assemble(PARTS, DossierMetadata("Досье Ия", METADATA.author, METADATA.subject), ["Ия"])


def test_blank_words_refuse_nothing():
	reader = reopen(assemble(PARTS, METADATA, must_not_contain=["", "  "]))
	assert len(reader.pages) == 6
