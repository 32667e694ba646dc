"""The realistic mix of bench/load.py: what delegates, the secretariat and the public do.

Each task is weighted by how often people do it. Names group URLs so the table shows one row
per kind of page. Apps add their tasks here as they land.
"""

import os
import random

from locust import HttpUser, between, constant, tag, task

MEETINGS = [43, 44]
# SATURATE=1: no think time, so throughput measures the server, not the simulated people.
THINK = constant(0) if os.environ.get("SATURATE") == "1" else between(0.5, 2.0)


class Visitor(HttpUser):
    wait_time = THINK

    @tag("list")
    @task(4)
    def home(self) -> None:
        self.client.get("/", name="home")

    @tag("list")
    @task(4)
    def meeting_page(self) -> None:
        self.client.get(f"/meetings/{random.choice(MEETINGS)}/", name="meeting page")  # noqa: S311

    @tag("list")
    @task(6)
    def document_list(self) -> None:
        self.client.get(f"/documents/meeting/{random.choice(MEETINGS)}/", name="document list")  # noqa: S311

    @task(3)
    def document_page(self) -> None:
        self.client.get(f"/documents/{random.randint(1, 32)}/", name="document page")  # noqa: S311

    @task(2)
    def download(self) -> None:
        self.client.get(f"/documents/files/{random.randint(1, 41)}/download/", name="download")  # noqa: S311

    @tag("list")
    @task(2)
    def api_list(self) -> None:
        self.client.get("/api/v1/documents/?meeting=44", name="API document list")


class Ceiling(HttpUser):
    """The bare Django view on the same server: what the stack itself can do.

    Run alone (`locust ... Ceiling`); the realistic runs name `Visitor` and never include it.
    """

    wait_time = THINK

    @task
    def healthz(self) -> None:
        self.client.get("/healthz/", name="ceiling (bare view)")
