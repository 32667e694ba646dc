"""Image-only PDFs ("scans") made from real text, for the OCR tests and the benchmark.

Text is drawn with Pillow's Raqm layout (FriBiDi + HarfBuzz), which joins and orders Arabic
letters as a word processor does, in DejaVu Sans (Debian's fonts-dejavu-core, with Arabic and
Cyrillic glyphs); each page is one greyscale picture at 300 dpi, saved as a PDF without any
text layer.
"""

import io
import re
import unicodedata
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "corpus"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
A4_AT_300_DPI = (2480, 3508)
MARGIN = 150
FONT_PIXELS = 40
LINE_PIXELS = 64
# Harakat, superscript alef and tatweel: print often omits them; OCR may or may not see them.
ARABIC_MARKS = re.compile(r"[\u064b-\u065f\u0670\u0640]")


def why_scans_cannot_be_made() -> str | None:
    try:
        from PIL import features
    except ImportError:
        return "needs Pillow (pip install -e '.[dev]')"
    if not features.check("raqm"):
        return "Pillow has no Raqm layout for Arabic (apt-get install libraqm0 libfribidi0)"
    if not FONT.exists():
        return f"needs the font {FONT} (apt-get install fonts-dejavu-core)"
    if not CORPUS.is_dir():
        return f"no corpus at {CORPUS} (../shared/corpus beside the repository)"
    return None


def arabic_text(words: int) -> str:
    """The first ``words`` words of the chair's report (Arabic), after its title lines."""
    lines = (CORPUS / "002_7a3d66ab489d5bc5.txt").read_text(encoding="utf-8").splitlines()
    kept, count = [], 0
    for line in (line.strip() for line in lines[3:]):
        if line and count < words:
            kept.append(line)
            count += len(line.split())
    return "\n".join(kept)


def english_text() -> str:
    """The corpus's own English: the descriptions in its README table."""
    rows = (CORPUS / "README.md").read_text(encoding="utf-8").splitlines()
    cells = [row.split("|")[2].strip() for row in rows if row.startswith("| 00")]
    return "\n".join(cells)


def normalised_words(text: str) -> set[str]:
    text = ARABIC_MARKS.sub("", unicodedata.normalize("NFKC", text)).casefold()
    return set(re.findall(r"\w+", text))


def recovered(expected: str, read: str) -> float:
    """The share of the expected text's distinct words found in what OCR read."""
    wanted = normalised_words(expected)
    return len(wanted & normalised_words(read)) / len(wanted)


def _wrapped(draw, font, paragraph: str, width: int, direction: str) -> list[str]:
    lines, current = [], []
    for word in paragraph.split():
        candidate = " ".join([*current, word])
        if current and draw.textlength(candidate, font=font, direction=direction) > width:
            lines.append(" ".join(current))
            current = [word]
        else:
            current.append(word)
    return [*lines, " ".join(current)] if current else lines


def _page_images(text: str, *, rtl: bool) -> list:
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(FONT), FONT_PIXELS, layout_engine=ImageFont.Layout.RAQM)
    width, height = A4_AT_300_DPI
    direction = "rtl" if rtl else "ltr"
    pages, page, y = [], None, height
    for paragraph in text.split("\n"):
        for line in _wrapped(
            ImageDraw.Draw(Image.new("L", (1, 1))), font, paragraph, width - 2 * MARGIN, direction
        ):
            if y + LINE_PIXELS > height - MARGIN:
                page = Image.new("L", A4_AT_300_DPI, 255)
                pages.append(page)
                y = MARGIN
            x, anchor = (width - MARGIN, "ra") if rtl else (MARGIN, "la")
            ImageDraw.Draw(page).text(
                (x, y), line, font=font, fill=0, direction=direction, anchor=anchor
            )
            y += LINE_PIXELS
        y += LINE_PIXELS // 2
    return pages


def image_only_pdf(*texts: tuple[str, bool]) -> bytes:
    """One or more pages for each (text, right_to_left), as pictures only: no text layer."""
    pages = [image for text, rtl in texts for image in _page_images(text, rtl=rtl)]
    out = io.BytesIO()
    pages[0].save(out, format="PDF", resolution=300, save_all=True, append_images=pages[1:])
    return out.getvalue()


def blank_scan() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("L", A4_AT_300_DPI, 255).save(out, format="PDF", resolution=300)
    return out.getvalue()
