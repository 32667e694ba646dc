"""Every page of the permission matrix, in Chromium, as each role that may open it.

In English and Arabic, at a desktop and a phone width: the page's language and direction are
right, nothing scrolls sideways, ids are unique, and axe-core finds no serious or critical
violation. One browser and one server for the whole sweep, and one world (the matrix's),
committed so that the server's thread sees it.
"""

import os
from collections import defaultdict
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.test import Client

from tests.browser.conftest import CHROMIUM_ARGS
from tests.roles import ROLE_NAMES, make_people
from tests.security.matrix import CANARY_ROWS, MATRIX, OK
from tests.security.world import build_world
from tests.services import CHROMIUM

pytestmark = [pytest.mark.browser, pytest.mark.sweep, pytest.mark.django_db(transaction=True)]

WIDTHS = (1280, 390)
LANGUAGES = ("en", "ar")
SEVERE = {"serious", "critical"}
# The API documentation is the OpenAPI schema's own text, written in English, and says so.
ENGLISH_ONLY = {"api-docs"}
# Who looks at each page: the least privileged role that may open it, and the secretariat,
# whose version of a page carries the working forms.
LOOKERS = ("public", "delegate", "other_delegate", "sector_member", "vice_chair", "chair")
PAGE_STATE = """() => {
  const ids = [...document.querySelectorAll('[id]')].map(element => element.id);
  return {
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    duplicates: [...new Set(ids.filter((id, index) => ids.indexOf(id) !== index))],
  };
}"""


@dataclass(frozen=True)
class Visit:
    name: str
    path: str
    role: str


def html_pages(world, people) -> list[Visit]:
    """The matrix's GET rows that answer an HTML page, each with the roles that look at it."""
    clients: dict[str, Client] = {}
    visits = []
    for name, row in {**MATRIX, **CANARY_ROWS}.items():
        if row.method != "get":
            continue
        allowed = [role for role in ROLE_NAMES if row.expect[role] == OK]
        lookers = [role for role in LOOKERS if role in allowed][:1]
        lookers += ["secretariat"] if "secretariat" in allowed else []
        for role in lookers:
            world.viewed_by(role)
            path = row.url(world)
            if role not in clients:
                clients[role] = Client()
                if role != "public":
                    clients[role].force_login(people[role])
            response = clients[role].get(path)
            if response.status_code == OK and response["Content-Type"].startswith("text/html"):
                visits.append(Visit(name, path, role))
    return visits


def signed_in_context(browser, people, role: str, language: str, base_url: str):
    """A browser context signed in as `role` (nobody for the public), reading `language`."""
    context = browser.new_context(base_url=base_url)
    cookies = session_cookie(people, role, base_url)
    cookies.append({"name": "django_language", "value": language, "url": base_url})
    context.add_cookies(cookies)
    return context


def session_cookie(people, role: str, base_url: str) -> list[dict]:
    if role == "public":
        return []
    client = Client()
    client.force_login(people[role])
    value = client.cookies[settings.SESSION_COOKIE_NAME].value
    return [{"name": settings.SESSION_COOKIE_NAME, "value": value, "url": base_url}]


@pytest.mark.timeout(1500)
def test_every_page_reads_right_fits_a_phone_and_passes_axe(live_server):
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright

    from tests.cwg.factories import WorkingGroupFactory

    people = make_people(WorkingGroupFactory())
    world = build_world(people)
    visits = html_pages(world, people)
    by_role: dict[str, list[Visit]] = defaultdict(list)
    for visit in visits:
        by_role[visit.role].append(visit)
    axe = Axe()
    failures: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for role, role_visits in by_role.items():
            for language in LANGUAGES:
                context = signed_in_context(browser, people, role, language, live_server.url)
                page = context.new_page()
                page.set_default_timeout(15_000)
                for visit in role_visits:
                    for width in WIDTHS:
                        page.set_viewport_size({"width": width, "height": 900})
                        where = f"{visit.name} {visit.path} as {role}, {language}, {width} px"
                        shown_in = "en" if visit.name in ENGLISH_ONLY else language
                        failures += check_page(page, axe, visit.path, shown_in, where)
                context.close()
        browser.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    print(f"swept {len(visits)} pages x {len(LANGUAGES)} languages x {len(WIDTHS)} widths")
    assert len(visits) > 40, "the sweep found too few pages to be a sweep"
    assert not failures, f"{len(failures)} problems:\n" + "\n".join(failures)


def check_page(page, axe, path: str, language: str, where: str) -> list[str]:
    page.goto(path)
    state = page.evaluate(PAGE_STATE)
    problems = []
    expected_dir = "rtl" if language == "ar" else "ltr"
    if state["lang"] != language or state["dir"] != expected_dir:
        problems.append(f"{where}: lang={state['lang']} dir={state['dir']}")
    if state["overflow"] > 1:
        problems.append(f"{where}: scrolls sideways by {state['overflow']} px")
    if state["duplicates"]:
        problems.append(f"{where}: duplicate ids {state['duplicates']}")
    results = axe.run(page)
    for violation in results.response["violations"]:
        if violation["impact"] in SEVERE:
            targets = [node["target"] for node in violation["nodes"]][:3]
            problems.append(f"{where}: axe {violation['id']} ({violation['impact']}) at {targets}")
    return problems
