"""Text recognition (OCR) of PDF pages that have no text layer. Runs in the sandbox child.

Each page is rendered by PDFium (pypdfium2) to a greyscale image and read by Tesseract's
command-line program, started from the child so that it inherits the child's address-space
limit and its own CPU-time limit, and is killed with the child's process group past the
wall-clock limit. Tesseract first names the page's script (OSD); the page is then read with the
languages of that script only, which is about four times faster than all six at once and no
less accurate.
"""

import os
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

TESSERACT = os.environ.get("TESSERACT_PATH", "tesseract")
ALL_LANGUAGES = "ara+eng+fra+spa+rus+chi_sim"
LANGUAGES_BY_SCRIPT = {
    "Arabic": "ara+eng",
    "Latin": "eng+fra+spa",
    "Cyrillic": "rus+eng",
    "Han": "chi_sim+eng",
    "HanS": "chi_sim+eng",
    "HanT": "chi_sim+eng",
}
RENDER_DPI = 300
MAX_PIXELS = 40_000_000  # an A4 page at 300 dpi is 8.7 million; a poster is scaled down
SCRIPT = re.compile(r"^Script: (\w+)", re.MULTILINE)
# One thread per Tesseract: the other core stays with the web and the database.
TESSERACT_ENV = {"OMP_THREAD_LIMIT": "1", "PATH": os.environ.get("PATH", "/usr/bin:/bin")}


def tesseract_path() -> str | None:
    return shutil.which(TESSERACT)


def installed_languages() -> set[str]:
    program = tesseract_path()
    if program is None:
        return set()
    listed = subprocess.run(  # noqa: S603 - a fixed program and arguments
        [program, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
    )
    return set(listed.stdout.split()[1:]) if listed.returncode == 0 else set()


def _write_page_image(page, destination: Path) -> None:
    """The page as a binary PGM file: greyscale, no other library needed to write it."""
    width, height = page.get_size()
    scale = RENDER_DPI / 72
    if width * height * scale * scale > MAX_PIXELS:
        scale = (MAX_PIXELS / (width * height)) ** 0.5
    bitmap = page.render(scale=scale, grayscale=True)
    buffer, stride = bytes(bitmap.buffer), bitmap.stride
    with destination.open("wb") as out:
        out.write(b"P5\n%d %d\n255\n" % (bitmap.width, bitmap.height))
        for row in range(bitmap.height):
            out.write(buffer[row * stride : row * stride + bitmap.width])


def _tesseract(image: Path, arguments: list[str], seconds: float) -> str:
    program = tesseract_path() or TESSERACT
    done = subprocess.run(  # noqa: S603 - our own program, image path and language names
        [program, str(image), "-", *arguments],
        capture_output=True,
        timeout=max(seconds, 1),
        env=TESSERACT_ENV,
        check=False,
    )
    return done.stdout.decode("utf-8", "replace") if done.returncode == 0 else ""


def page_languages(image: Path, seconds: float, installed: set[str]) -> str:
    """The languages for the script Tesseract sees on the page (all six when it cannot say),
    less those not installed."""
    wanted = ALL_LANGUAGES
    if "osd" in installed:
        found = SCRIPT.search(_tesseract(image, ["--psm", "0", "-l", "osd"], seconds))
        wanted = LANGUAGES_BY_SCRIPT.get(found.group(1), ALL_LANGUAGES) if found else wanted
    usable = [language for language in wanted.split("+") if language in installed]
    return "+".join(usable) or "eng"


def recognise_pages(path: Path, *, pages: list[int], seconds: float) -> dict:
    """{"texts": {page index: text}, "seconds": [per page], "stopped_early": bool}.

    Stops before a page when fewer than a page's worth of the ``seconds`` budget is left, so
    what was read is kept rather than lost to the wall-clock kill.
    """
    import pypdfium2

    started = time.monotonic()
    document = pypdfium2.PdfDocument(str(path))
    installed = installed_languages()
    texts: dict[int, str] = {}
    timings: list[float] = []
    stopped_early = False
    with tempfile.TemporaryDirectory(prefix="cwg-ocr-") as folder:
        image = Path(folder) / "page.pgm"
        for index in pages:
            left = seconds - (time.monotonic() - started)
            slowest = max(timings, default=0.0)
            if left <= 0 or left < slowest:
                stopped_early = True
                break
            page_started = time.monotonic()
            _write_page_image(document[index], image)
            try:
                languages = page_languages(image, left, installed)
                left = seconds - (time.monotonic() - started)
                texts[index] = _tesseract(image, ["-l", languages], left)
            except subprocess.TimeoutExpired:
                stopped_early = True
                break
            timings.append(time.monotonic() - page_started)
    document.close()
    return {"texts": texts, "seconds": timings, "stopped_early": stopped_early}
