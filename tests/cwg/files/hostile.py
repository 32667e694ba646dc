"""Hostile files made by the tests: each built small, each meant to hurt a naive reader."""

import io
import zipfile

from tests.documents.factories import docx_bytes

DOCUMENT_XML = "word/document.xml"


def rebuilt_docx(
    replace: dict[str, bytes] | None = None,
    add: dict[str, bytes] | None = None,
    content_types: bytes | None = None,
) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(docx_bytes("Ordinary text.")))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml" and content_types is not None:
                data = content_types
            data = (replace or {}).get(item.filename, data)
            target.writestr(item.filename, data)
        for name, data in (add or {}).items():
            target.writestr(name, data)
    return out.getvalue()


def zip_bomb_docx() -> bytes:
    """A 'document' whose one part expands from ~100 kB to 300 MB."""
    return rebuilt_docx(add={"word/media/bomb.bin": b"\0" * (300 * 1024 * 1024)})


def xxe_docx() -> bytes:
    evil = (
        b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
    )
    return rebuilt_docx(replace={DOCUMENT_XML: evil})


def billion_laughs_docx() -> bytes:
    entities = "".join(
        f'<!ENTITY lol{i} "{"&lol" + str(i - 1) + ";" * 1}{("&lol" + str(i - 1) + ";") * 9}">'
        for i in range(1, 10)
    )
    evil = (
        f'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">{entities}]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    ).encode()
    return rebuilt_docx(replace={DOCUMENT_XML: evil})


def deeply_nested_docx() -> bytes:
    depth = 100_000
    evil = (
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        + b"<w:body>"
        + b"<w:sdt>" * depth
        + b"</w:sdt>" * depth
        + b"</w:body></w:document>"
    )
    return rebuilt_docx(replace={DOCUMENT_XML: evil})


def docm() -> bytes:
    main = b"application/vnd.ms-word.document.macroEnabled.main+xml"
    source = zipfile.ZipFile(io.BytesIO(docx_bytes("x")))
    types = source.read("[Content_Types].xml").replace(
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", main
    )
    return rebuilt_docx(content_types=types, add={"word/vbaProject.bin": b"macro"})


def too_many_parts_docx() -> bytes:
    return rebuilt_docx(add={f"word/extra/{n}.xml": b"<a/>" for n in range(2100)})


def xlsx_like() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        target.writestr(
            "[Content_Types].xml",
            b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            b'content-types"><Override PartName="/xl/workbook.xml" ContentType="application/'
            b'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        )
        target.writestr("xl/workbook.xml", b"<workbook/>")
    return out.getvalue()


def truncated_pdf(real_pdf: bytes) -> bytes:
    return real_pdf[: len(real_pdf) // 3]


PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
