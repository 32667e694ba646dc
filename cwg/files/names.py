import re
import unicodedata
from urllib.parse import quote

UNSAFE = re.compile(r"[\\/:*?\"<>|\x00-\x1f\x7f]")


def _without_controls(text: str) -> str:
    """Drop control and bidi-override characters (Unicode category Cc and Cf)."""
    return "".join(ch for ch in text if unicodedata.category(ch) not in {"Cc", "Cf"})


def safe_download_name(*, symbol: str, language: str, extension: str) -> str:
    """("CWG-WSIS&SDG-44/7(Rev.1)", "ar", ".pdf") -> "CWG-WSIS&SDG-44_7_Rev.1_AR.pdf"."""
    stem = _without_controls(symbol).replace("(", "_").replace(")", "")
    stem = UNSAFE.sub("_", stem).strip(" ._") or "document"
    return f"{stem}_{language.split('-')[0].upper()}{extension}"


MAX_NAME_CHARACTERS = 200
MAX_EXTENSION_CHARACTERS = 10


def _split_extension(name: str) -> tuple[str, str]:
    stem, dot, extension = name.rpartition(".")
    if not dot or not stem or len(extension) + 1 > MAX_EXTENSION_CHARACTERS or " " in extension:
        return name, ""
    return stem, f".{extension}"


def safe_original_name(name: str, *, extension: str | None = None) -> str:
    """What we keep of the uploader's file name: no path, no control or bidi characters,
    nothing from a NUL on (``a.pdf\\x00.exe`` is ``a.pdf``), at most 200 characters with the
    extension kept, and ending with ``extension`` (the type found in the content) when given:
    ``report.exe`` holding a PDF is kept as ``report.exe.pdf``."""
    base = name.split("\x00", 1)[0].replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = UNSAFE.sub("_", _without_controls(base)).strip(" .") or "file"
    stem, own_extension = _split_extension(cleaned)
    if extension and own_extension.lower() != extension.lower():
        stem, own_extension = cleaned, extension
    stem = stem[: MAX_NAME_CHARACTERS - len(own_extension)].rstrip(" .") or "file"
    return f"{stem}{own_extension}"


def content_disposition(filename: str) -> str:
    """attachment, with an ASCII fallback and the RFC 5987 UTF-8 name for every browser."""
    ascii_name = filename.encode("ascii", "replace").decode("ascii").replace("?", "_")
    ascii_name = ascii_name.replace('"', "_")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename, safe='')}"
