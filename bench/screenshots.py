"""Screenshots of the key pages per role, in English and Arabic, at 1280 and 390 px wide.

    make screenshots      # or: .venv/bin/python bench/screenshots.py [--port 8099] [--out DIR]

Migrates a throwaway SQLite database, loads the demo, serves it with runserver on 127.0.0.1 and
writes one viewport-sized PNG per page, role, language and width into docs/screenshots/ (named
role-page-language-width.png), reduced to 256 colours so the committed set stays small.
Only 127.0.0.1 is ever contacted.
"""

import argparse
import io
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
PASSWORDS = {"secretariat": "demo-secretariat-2026", "delegate.eg": "demo-delegate-2026"}
# (role, sign-in or None for the public, page name, path)
PAGES = [
    ("public", None, "home", "/"),
    ("public", None, "meeting", "/meetings/44/"),
    ("public", None, "answer", "/consultations/WSISSDG26/answer/"),
    ("delegate", "delegate.eg", "documents", "/documents/meeting/45/"),
    ("delegate", "delegate.eg", "upload", "/documents/meeting/45/new/"),
    ("secretariat", "secretariat", "queue", "/documents/queue/"),
    ("secretariat", "secretariat", "moderation", "/consultations/WSISSDG26/moderation/"),
]
WIDTHS = {1280: 800, 390: 844}  # width: viewport height
LANGUAGES = ["en", "ar"]


def serve(env: dict, port: int) -> subprocess.Popen:
    quietly = {"cwd": ROOT, "env": env, "check": True, "stdout": subprocess.DEVNULL}
    for command in (["migrate", "--noinput"], ["load_demo"]):
        subprocess.run([sys.executable, "manage.py", *command], **quietly)  # noqa: S603 - ours
    server = subprocess.Popen(  # noqa: S603 - our own server on loopback
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz/", timeout=1):  # noqa: S310 - loopback
                return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    raise SystemExit("the demo server did not start")


def save_small(png: bytes, path: Path) -> None:
    image = Image.open(io.BytesIO(png)).convert("RGB")
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


def shoot(base: str, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox"]
        )
        for username in sorted({page[1] for page in PAGES}, key=str):
            for width, height in WIDTHS.items():
                context = browser.new_context(
                    base_url=base, viewport={"width": width, "height": height}
                )
                page = context.new_page()
                if username:
                    page.goto("/accounts/login/")
                    page.fill("#id_username", username)
                    page.fill("#id_password", PASSWORDS[username])
                    page.press("#id_password", "Enter")
                    page.wait_for_selector("header form[action$='/logout/']")
                for role, who, name, path in PAGES:
                    if who != username:
                        continue
                    for language in LANGUAGES:
                        context.add_cookies(
                            [{"name": "django_language", "value": language, "url": base}]
                        )
                        page.goto(path)
                        target = out / f"{role}-{name}-{language}-{width}.png"
                        save_small(page.screenshot(), target)
                        written.append(target)
                context.close()
        browser.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8099)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    options = parser.parse_args()
    options.out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="cwg-screenshots-"))
    env = {
        **os.environ,
        "DEBUG": "1",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "screenshots-only-secret-key"),
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}",
        "SEARCH_SQLITE_PATH": str(work / "search.sqlite3"),
        "MEDIA_ROOT": str(work / "media"),
        "EMAIL_URL": "dummymail://",
    }
    env.pop("CELERY_BROKER_URL", None)
    server = serve(env, options.port)
    try:
        written = shoot(f"http://127.0.0.1:{options.port}", options.out)
    finally:
        server.terminate()
        server.wait(timeout=30)
    total = sum(path.stat().st_size for path in written)
    print(f"{len(written)} screenshots, {total / 1e6:.1f} MB, in {options.out}")


if __name__ == "__main__":
    main()
