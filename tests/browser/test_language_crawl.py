"""No English interface text on any page of the permission matrix in the five other languages.

Every HTML page the matrix lists, charts included, as a role that may open it (the sweep's
choice of roles), in Arabic, Spanish, French, Russian and Chinese: a visible text that is an
English msgid, or an English sentence nobody wrapped for translation, fails the test with the
page and the text. User content is marked in the templates and not looked at. One server, one
browser and one world (the matrix's) for the whole module; each role's pages load side by side
in one browser context.
"""

import os
from collections import defaultdict

import pytest

from tests.browser.conftest import CHROMIUM_ARGS, OUTPUT
from tests.browser.english import english_left
from tests.browser.test_sweep import ENGLISH_ONLY, html_pages, signed_in_context
from tests.roles import make_people
from tests.security.world import build_world
from tests.services import CHROMIUM

pytestmark = [pytest.mark.browser, pytest.mark.sweep, pytest.mark.django_db(transaction=True)]

LANGUAGES = ("ar", "es", "fr", "ru", "zh-hans")
# Pages loading at once in one context: the machine has two cores and a server thread per page.
SIDE_BY_SIDE = 4


@pytest.mark.timeout(900)
def test_no_english_interface_text_on_any_page_in_five_languages(live_server):
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    from tests.cwg.factories import WorkingGroupFactory

    people = make_people(WorkingGroupFactory())
    world = build_world(people)
    visits = [visit for visit in html_pages(world, people) if visit.name not in ENGLISH_ONLY]
    by_role = defaultdict(list)
    for visit in visits:
        by_role[visit.role].append(visit)
    found: dict[str, set[str]] = defaultdict(set)
    OUTPUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for role, role_visits in by_role.items():
            for language in LANGUAGES:
                context = signed_in_context(browser, people, role, language, live_server.url)
                pages = [context.new_page() for _ in range(SIDE_BY_SIDE)]
                for start in range(0, len(role_visits), SIDE_BY_SIDE):
                    batch = role_visits[start : start + SIDE_BY_SIDE]
                    for where, text in crawl(pages, batch, language):
                        found[f"{where}: {text}"].add(language)
                context.close()
        browser.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    print(f"crawled {len(visits)} pages x {len(LANGUAGES)} languages")
    assert len(visits) > 40, "the crawl found too few pages to be a crawl"
    problems = [f"{where} [{' '.join(sorted(found[where]))}]" for where in sorted(found)]
    if problems:
        (OUTPUT / "language-crawl.txt").write_text("\n".join(problems) + "\n")
    assert not problems, f"{len(problems)} English texts left:\n" + "\n".join(problems)


def crawl(pages, visits, language: str) -> list[tuple[str, str]]:
    """Load the visits side by side, one per page, then read each: (where, English text)."""
    batch = list(zip(pages, visits, strict=False))
    for page, visit in batch:
        page.goto(visit.path, wait_until="commit", timeout=30_000)
    found = []
    for page, visit in batch:
        page.wait_for_load_state("load", timeout=30_000)
        where = f"{visit.name} {visit.path} as {visit.role}"
        found += [(where, text) for text in english_left(page, language)]
    return found
