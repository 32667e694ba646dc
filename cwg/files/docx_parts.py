"""What a Word document's parts may not hold: a DTD anywhere, or content fetched from outside."""

import zipfile

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from lxml import etree

from cwg.files.exceptions import UploadRefused

CHUNK_BYTES = 1024 * 1024
FORBIDDEN_DECLARATIONS = (b"<!doctype", b"<!entity")
# Word for Mac writes an Apple property list, with this public DOCTYPE (no internal subset, no
# entity), into its printer settings part: the one declaration that is let through.
APPLE_PLIST_DOCTYPE = (
    b'<!doctype plist public "-//apple//dtd plist 1.0//en" '
    b'"http://www.apple.com/dtds/propertylist-1.0.dtd">'
)
# Carried from one chunk to the next, so nothing is missed or misjudged across a boundary.
KEPT_BYTES = len(APPLE_PLIST_DOCTYPE)
RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
# An outside link a reader follows by clicking is ordinary; anything else is fetched or run
# when the document is opened (a template, a picture, an OLE object, a frame).
CLICKED_ONLY = {"hyperlink"}
SHOWN_TARGET_CHARACTERS = 120
DECLARATION_REFUSAL = gettext_lazy(
    "The Word document contains declarations that are not allowed (DTD or entities). "
    "Save it again from Word and upload it."
)


def _declaration_before(window: bytes, limit: int) -> bool:
    return any(0 <= window.find(word) < limit for word in FORBIDDEN_DECLARATIONS)


def refuse_declarations(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
    """No DTD or entity declaration in any part, whatever its name or size.

    Read as a stream, so a declaration after megabytes of comment is found; the NULs of UTF-16
    are dropped so that encoding cannot hide one either. A declaration starting in the last
    KEPT_BYTES of a chunk is judged with the next chunk, where it is whole.
    """
    carry = b""
    with archive.open(member) as stream:
        while chunk := stream.read(CHUNK_BYTES):
            window = (carry + chunk.lower().replace(b"\x00", b"")).replace(APPLE_PLIST_DOCTYPE, b"")
            if _declaration_before(window, len(window) - KEPT_BYTES):
                raise UploadRefused(DECLARATION_REFUSAL)
            carry = window[-KEPT_BYTES:]
    if _declaration_before(carry, len(carry)):
        raise UploadRefused(DECLARATION_REFUSAL)


def _relationship_kind(type_uri: str) -> str:
    return type_uri.rstrip("/").rsplit("/", 1)[-1]


def _outside_link_message(kind: str, target: str) -> str:
    shown = target if len(target) <= SHOWN_TARGET_CHARACTERS else target[:SHOWN_TARGET_CHARACTERS]
    values = {"target": shown, "kind": kind}
    if kind == "attachedTemplate":
        return (
            _(
                "The Word document is attached to a template outside it (%(target)s). Remove "
                "the template (in Word: Developer > Document Template, clear the template "
                "name), save it and upload it again."
            )
            % values
        )
    if kind == "image":
        return (
            _(
                "The Word document shows a picture linked from outside it (%(target)s). Insert "
                "the picture into the document instead of linking it, or remove it, and upload "
                "it again."
            )
            % values
        )
    if kind in {"oleObject", "package"}:
        return (
            _(
                "The Word document contains an object linked to a file outside it (%(target)s). "
                "Remove the link (in Word: File > Info > Edit links to files > Break link), "
                "save it and upload it again."
            )
            % values
        )
    return (
        _(
            "The Word document loads content from outside it (%(kind)s: %(target)s). Remove "
            "that link, save it and upload it again."
        )
        % values
    )


def refuse_outside_links(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
    """Refuse relationships with TargetMode="External" that are not plain hyperlinks."""
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    root = etree.fromstring(archive.read(member), parser=parser)  # noqa: S320 - no DTD (above)
    for relationship in root.iter(RELATIONSHIPS):
        if relationship.get("TargetMode", "").lower() != "external":
            continue
        kind = _relationship_kind(relationship.get("Type", ""))
        if kind not in CLICKED_ONLY:
            raise UploadRefused(_outside_link_message(kind, relationship.get("Target", "")))


def check_parts(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]) -> None:
    """Every part scanned for declarations first, then every relationships part parsed."""
    for member in members:
        refuse_declarations(archive, member)
    for member in members:
        if member.filename.lower().endswith(".rels"):
            refuse_outside_links(archive, member)
