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


def safe_original_name(name: str) -> str:
    """What we keep of the uploader's file name: no path, no control or bidi characters."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = UNSAFE.sub("_", _without_controls(base)).strip(" .")
    return cleaned[:200] or "file"


def content_disposition(filename: str) -> str:
    """attachment, with an ASCII fallback and the RFC 5987 UTF-8 name for every browser."""
    ascii_name = filename.encode("ascii", "replace").decode("ascii").replace("?", "_")
    ascii_name = ascii_name.replace('"', "_")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename, safe='')}"
