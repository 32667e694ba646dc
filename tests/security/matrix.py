"""The permission matrix: for every URL, what each role gets. One row a URL name.

Outcomes: OK (200), LOGIN (302 to a sign-in page), FORBIDDEN (403), NOT_FOUND (404),
METHOD (405), REDIRECT (302 elsewhere). A URL missing from this table fails the matrix test,
so a new page cannot skip it. Admin URLs follow one rule (ADMIN_RULE) because there are many.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse

from tests.roles import ROLE_NAMES

OK, LOGIN, FORBIDDEN, NOT_FOUND, METHOD, REDIRECT = 200, "login", 403, 404, 405, "redirect"
STAFF = {"secretariat", "superuser"}


def everyone(outcome) -> dict[str, object]:
    return dict.fromkeys(ROLE_NAMES, outcome)


def only(roles: set[str], allowed, refused) -> dict[str, object]:
    return {role: allowed if role in roles else refused for role in ROLE_NAMES}


@dataclass(frozen=True)
class Row:
    url: Callable[[object], str]  # world -> path
    expect: dict[str, object]  # role -> outcome
    method: str = "get"


MATRIX: dict[str, Row] = {
    "cwg:home": Row(lambda world: reverse("cwg:home"), everyone(OK)),
    "cwg:healthz": Row(lambda world: reverse("cwg:healthz"), everyone(OK)),
    "meetings:detail": Row(
        lambda world: reverse("meetings:detail", kwargs={"number": world.meeting.number}),
        everyone(OK),
    ),
    "login": Row(lambda world: reverse("login"), everyone(OK)),
    "logout": Row(lambda world: reverse("logout"), everyone(METHOD)),
    "set_language": Row(lambda world: reverse("set_language"), everyone(REDIRECT)),
    "api-schema": Row(lambda world: reverse("api-schema"), everyone(OK)),
    "api-docs": Row(lambda world: reverse("api-docs"), everyone(OK)),
}

# Admin: anyone but staff is sent to the admin sign-in; staff never meet a server error.
ADMIN_PUBLIC = {"admin:login", "admin:logout", "admin:jsi18n"}
