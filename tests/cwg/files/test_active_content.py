"""Word documents and PDFs that would fetch, run or carry something are refused with a message."""

import io

import pytest

from cwg.files import inspect_upload
from tests.cwg.files import hostile
from tests.cwg.files.test_checks import refused

DTD_REFUSAL = "DTD or entities"


@pytest.mark.parametrize(
    "make",
    [
        hostile.docx_with_late_doctype,
        hostile.docx_with_doctype_in_renamed_part,
        hostile.docx_with_utf16_doctype,
    ],
)
def test_a_declaration_anywhere_in_any_part_is_refused(make):
    assert DTD_REFUSAL in refused(make())


def test_an_outside_template_is_refused_saying_what_to_remove():
    message = refused(hostile.docx_with_attached_template())
    assert "template" in message
    assert "http://attacker.example/template.dotm" in message


@pytest.mark.parametrize(
    ("kind", "says"),
    [("image", "picture"), ("oleObject", "Break link"), ("frame", "frame: http://")],
)
def test_outside_pictures_objects_and_frames_are_refused(kind, says):
    message = refused(hostile.docx_with_outside_relationship(kind))
    assert says in message
    assert "http://attacker.example/t" in message


def test_outside_hyperlinks_are_ordinary_and_accepted():
    data = hostile.docx_with_outside_relationship("hyperlink", "https://www.itu.int/")
    assert inspect_upload(io.BytesIO(data)).kind == "docx"


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (hostile.pdf_with_document_javascript, "JavaScript"),
        (hostile.pdf_with_open_action_javascript, "JavaScript"),
        (hostile.pdf_with_escaped_javascript_name, "JavaScript"),
        (hostile.pdf_with_javascript_in_an_object_stream, "JavaScript"),
        (hostile.pdf_with_launch_action, "starts another program"),
        (hostile.pdf_with_embedded_executable, "attached or embedded files"),
    ],
)
def test_pdfs_with_scripts_actions_or_attachments_are_refused(make, says):
    message = refused(make(), name="active.pdf")
    assert says in message
    assert "print it to a new PDF" in message


def test_a_plain_pdf_made_the_same_way_is_accepted():
    data = hostile.pdf_bytes(lambda writer: None)
    assert inspect_upload(io.BytesIO(data)).page_count == 1


def test_a_declaration_cut_by_the_read_boundary_is_found():
    import random

    from cwg.files.docx_parts import CHUNK_BYTES

    letters = random.Random(20)
    noise = bytes(letters.choice(b"abcdefghij") for _ in range(CHUNK_BYTES))
    for shift in (3, 40, 90):
        padding = b"<a>" + noise[: CHUNK_BYTES - 3 - shift]
        data = hostile.rebuilt_docx(add={"word/big.bin": padding + b"<!DOCTYPE x []><a/>"})
        assert DTD_REFUSAL in refused(data)


def test_word_for_mac_printer_settings_are_accepted():
    """Word for Mac stores an Apple property list, with its public DOCTYPE, in printer settings."""
    plist = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST '
        b'1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0"/>'
    )
    data = hostile.rebuilt_docx(add={"word/printerSettings/printerSettings1.bin": plist})
    assert inspect_upload(io.BytesIO(data)).kind == "docx"
    internal_subset = plist.replace(b'.dtd">', b'.dtd" [<!ENTITY e "x">]>')
    data = hostile.rebuilt_docx(add={"word/printerSettings/printerSettings1.bin": internal_subset})
    assert DTD_REFUSAL in refused(data)
