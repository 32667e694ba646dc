"""The realistic mix of bench/load.py: what delegates, the secretariat and the public do.

Each task is weighted by how often people do it. Names group URLs so the table shows one row
per kind of page. Apps add their tasks here as they land.
"""

import io
import os
import random
import re

from docx import Document as WordDocument
from locust import HttpUser, between, constant, tag, task

MEETINGS = [43, 44]
SEARCHES = ["WSIS", "broadband", "الأمانة", "gap analysis", '"action lines"', "develop*", "Geneva"]
OPEN_CALL = "WSISSDG26"  # the demo's open call
# What bench/load.py found an anonymous visitor may download (not an earlier revision's file).
DOWNLOADS = [int(pk) for pk in os.environ.get("DOWNLOADS", "1").split(",") if pk]
OPEN_MEETING = 45  # added by bench/load.py: the demo's meetings are over, refused to delegates
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
FIELD = re.compile(r'<(input|textarea|select)[^>]*name="(question_\d+)"')
OPTION = re.compile(r'<option value="([^"]+)"')


def csrf_token(html: str) -> str:
    match = CSRF.search(html)
    return match.group(1) if match else ""


def contribution_docx() -> bytes:
    word = WordDocument()
    word.add_paragraph("A contribution sent by the load benchmark on broadband in rural areas.")
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


# SATURATE=1: no think time, so throughput measures the server, not the simulated people.
THINK = constant(0) if os.environ.get("SATURATE") == "1" else between(0.5, 2.0)


class Visitor(HttpUser):
    wait_time = THINK
    weight = 5

    @tag("list")
    @task(4)
    def home(self) -> None:
        self.client.get("/", name="home")

    @tag("list")
    @task(4)
    def meeting_page(self) -> None:
        self.client.get(f"/meetings/{random.choice(MEETINGS)}/", name="meeting page")

    @tag("list")
    @task(6)
    def document_list(self) -> None:
        self.client.get(f"/documents/meeting/{random.choice(MEETINGS)}/", name="document list")

    @task(3)
    def document_page(self) -> None:
        self.client.get(f"/documents/{random.randint(1, 32)}/", name="document page")

    @task(2)
    def download(self) -> None:
        self.client.get(f"/documents/files/{random.choice(DOWNLOADS)}/download/", name="download")

    @tag("list")
    @task(2)
    def api_list(self) -> None:
        self.client.get("/api/v1/documents/?meeting=44", name="API document list")

    @tag("search")
    @task(4)
    def search(self) -> None:
        query = random.choice(SEARCHES)
        self.client.get("/search/", params={"q": query}, name="search page")

    @tag("search")
    @task(1)
    def search_api(self) -> None:
        query = random.choice(SEARCHES)
        self.client.get("/api/v1/search/", params={"q": query}, name="API search")

    @task(1)
    def submit_input(self) -> None:
        form = self.client.get(f"/consultations/{OPEN_CALL}/answer/", name="consultation form")
        data = {
            "csrfmiddlewaretoken": csrf_token(form.text),
            "name": "Load Benchmark",
            "email": "load@example.invalid",
            "stakeholder_type": "civil_society",
            "language": "en",
            "consent_to_publish": "on",
        }
        for element, name in FIELD.findall(form.text):
            if element == "select":
                block = form.text.split(f'name="{name}"', 1)[1].split("</select>", 1)[0]
                data[name] = OPTION.findall(block)[0]
            else:
                data[name] = "Community networks need spectrum for rural broadband."
        self.client.post(
            f"/consultations/{OPEN_CALL}/answer/", data=data, name="consultation submit"
        )


class Delegate(HttpUser):
    """A delegate who uploads a contribution now and then, between reading the lists."""

    wait_time = THINK
    weight = 1  # to the Visitor's 5 (see bench/load.py)
    upload = contribution_docx()

    def on_start(self) -> None:
        form = self.client.get("/accounts/login/", name="sign-in form")
        self.client.post(
            "/accounts/login/",
            data={
                "csrfmiddlewaretoken": csrf_token(form.text),
                "username": "delegate.eg",
                "password": "demo-delegate-2026",
            },
            name="sign in",
        )

    @task(5)
    def document_list(self) -> None:
        self.client.get("/documents/meeting/44/", name="document list (signed in)")

    @task(1)
    def upload_contribution(self) -> None:
        form = self.client.get(f"/documents/meeting/{OPEN_MEETING}/new/", name="upload form")
        self.client.post(
            f"/documents/meeting/{OPEN_MEETING}/new/",
            data={
                "csrfmiddlewaretoken": csrf_token(form.text),
                "title": "Load benchmark contribution",
                "access": "public",
                "language": "en",
            },
            files={"file": ("contribution.docx", self.upload)},
            name="upload contribution",
        )


class Ceiling(HttpUser):
    """The bare Django view on the same server: what the stack itself can do.

    Run alone (`locust ... Ceiling`); the realistic runs name `Visitor` and never include it.
    """

    wait_time = THINK

    @task
    def healthz(self) -> None:
        self.client.get("/healthz/", name="ceiling (bare view)")
