"""Uploads are checked before anything is stored: real files and hostile ones."""

import io
import re
import time
from pathlib import Path

import pypdf
import pytest
from docx import Document as WordDocument

from cwg.files import extract_text, inspect_upload
from cwg.files.exceptions import ExtractionFailed, UploadRefused
from tests.cwg.files import hostile
from tests.documents.factories import docx_bytes
from tests.services import missing

TESTDATA = Path(__file__).resolve().parents[3].parent / "shared" / "testdata"
REAL_FILES = (
    sorted(path for path in TESTDATA.glob("*/*") if path.suffix in {".pdf", ".docx"})
    if TESTDATA.is_dir()
    else []
)
SECONDS_PER_FILE = 60
# Real files refused on purpose, with what the refusal says.
REFUSED = {
    "libreoffice-writer-password.pdf": "Remove the password",
    "with-attachment.pdf": "attached or embedded files",
    "shp-inline-shape-access.docx": "picture linked from outside",
}


def direct_text(path: Path) -> str:
    """The oracle: pypdf or python-docx called directly, in this process."""
    if path.suffix == ".pdf":
        return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(path).pages)
    word = WordDocument(str(path))
    texts = [p.text for p in word.paragraphs]
    texts += [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    return "\n".join(texts)


def test_the_shared_testdata_is_there():
    if not REAL_FILES:
        missing(f"no test files at {TESTDATA} (../shared/testdata beside the repository)")
    assert len(REAL_FILES) > 40


@pytest.mark.parametrize("path", REAL_FILES, ids=lambda path: path.name)
def test_every_real_file_is_read_or_refused_with_a_message(path):
    started = time.monotonic()
    if path.name in REFUSED:
        with pytest.raises(UploadRefused, match=REFUSED[path.name]), path.open("rb") as handle:
            inspect_upload(handle)
        return
    with path.open("rb") as handle:
        inspected = inspect_upload(handle)
    assert inspected.kind == path.suffix[1:]
    # Every word python-docx or pypdf finds is found; stories they skip may add more.
    # Control characters are dropped on purpose (PostgreSQL refuses NUL), so the oracle too.
    direct_words = set(re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", direct_text(path)).split())
    if not direct_words and path.suffix == ".docx":  # blank test documents: the uploader is told
        with pytest.raises(ExtractionFailed, match="No readable text"):
            extract_text(path, kind=inspected.kind)
        return
    extracted = extract_text(path, kind=inspected.kind)
    assert time.monotonic() - started < SECONDS_PER_FILE
    assert direct_words <= set(extracted.text.split())
    if path.suffix == ".pdf":
        assert extracted.page_count == len(pypdf.PdfReader(path).pages)


def test_arabic_pdf_text_comes_out_arabic():
    path = TESTDATA / "pdf" / "habibi.pdf"
    if not path.exists():
        missing(f"{path} is missing")
    text = extract_text(path, kind="pdf").text
    assert any("\u0600" <= ch <= "\u06ff" for ch in text), text


def refused(data: bytes, *, name: str = "upload.docx", **options) -> str:
    started = time.monotonic()
    with pytest.raises(UploadRefused) as refusal:
        inspect_upload(io.BytesIO(data), **options)
    assert time.monotonic() - started < 20, f"{name} took too long to refuse"
    return str(refusal.value.message)


def test_an_empty_file_is_refused():
    assert "empty" in refused(b"")


def test_a_file_over_the_limit_is_refused(settings):
    settings.MAX_UPLOAD_MB = 1
    message = refused(b"%PDF-1.4\n" + b"x" * (1024 * 1024 + 1))
    assert "larger than 1 MB" in message


def test_a_zip_bomb_is_refused_before_it_is_expanded():
    assert "zip bomb" in refused(hostile.zip_bomb_docx())


@pytest.mark.parametrize("make", [hostile.xxe_docx, hostile.billion_laughs_docx])
def test_dtds_and_entities_are_refused(make):
    assert "DTD or entities" in refused(make())


def test_a_deeply_nested_document_is_read_within_limits_or_refused():
    data = hostile.deeply_nested_docx()
    try:
        inspected = inspect_upload(io.BytesIO(data))
    except UploadRefused:
        return
    path = Path("/tmp") / "cwg-nested-test.docx"  # noqa: S108 - a test's own scratch file
    path.write_bytes(data)
    started = time.monotonic()
    reason = ""
    try:
        extract_text(path, kind=inspected.kind)
    except ExtractionFailed as failure:
        reason = str(failure.message)
    assert time.monotonic() - started < SECONDS_PER_FILE
    assert reason == "" or "allowed" in reason or "could not be read" in reason


def test_macro_documents_are_refused():
    assert "macros" in refused(hostile.docm())


def test_too_many_parts_are_refused():
    assert "too many parts" in refused(hostile.too_many_parts_docx())


def test_a_spreadsheet_is_not_a_word_document():
    assert "not a Word document" in refused(hostile.xlsx_like())


@pytest.mark.parametrize("data", [hostile.PNG, hostile.HTML, b"MZ\x90\x00" + b"\0" * 60])
def test_other_types_are_refused_whatever_their_name(data):
    assert "not accepted" in refused(data, name="contribution.docx")


def test_a_truncated_pdf_is_refused():
    real = TESTDATA / "pdf" / "pdflatex-4-pages.pdf"
    if not real.exists():
        missing(f"{real} is missing")
    message = refused(hostile.truncated_pdf(real.read_bytes()), name="cut.pdf")
    assert "damaged or incomplete" in message


def test_a_pdf_named_docx_is_taken_as_a_pdf():
    """Type by content: the name is only what the uploader called it."""
    real = TESTDATA / "pdf" / "minimal-document.pdf"
    if not real.exists():
        missing(f"{real} is missing")
    inspected = inspect_upload(io.BytesIO(real.read_bytes()))
    assert (inspected.kind, inspected.extension) == ("pdf", ".pdf")


def test_text_files_only_where_allowed():
    data = "نص عربي".encode()
    assert "not accepted" in refused(data)
    assert inspect_upload(io.BytesIO(data), allow_text=True).kind == "txt"


def test_a_real_docx_is_accepted_with_its_hash():
    import hashlib

    data = docx_bytes("hello")
    inspected = inspect_upload(io.BytesIO(data))
    assert inspected.sha256 == hashlib.sha256(data).hexdigest()
    assert inspected.size == len(data)


def test_extracted_text_has_no_control_characters():
    from cwg.files.parsers import tidy

    assert tidy("a\x00b\x07c\r\nd\te") == "abc\nd e"


def test_text_in_content_controls_and_headers_is_read(tmp_path):
    """Word templates put titles in content controls (w:sdt), which python-docx's API skips."""
    from docx.oxml import parse_xml

    word = WordDocument()
    word.add_paragraph("Body text")
    word.sections[0].header.paragraphs[0].text = "Header text"
    control = parse_xml(
        '<w:sdt xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:sdtContent><w:p><w:r><w:t>Title in a content control</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>"
    )
    word.element.body.insert(0, control)
    path = tmp_path / "template.docx"
    word.save(str(path))
    text = extract_text(path, kind="docx").text
    assert text.index("Title in a content control") < text.index("Body text")
    assert "Header text" in text
