"""Every URL, requested as every role: the outcome the matrix expects, and no canary leaks."""

import re

import pytest
from django.test import TestCase
from django.urls import reverse

from tests.roles import ROLE_NAMES
from tests.security.matrix import ADMIN_PUBLIC, CANARY_ROWS, LOGIN, MATRIX, REDIRECT, STAFF
from tests.security.urls import all_routes
from tests.security.world import build_world

pytestmark = pytest.mark.django_db

POSITIONAL_GROUP = re.compile(r"\((?!\?)")
PLACEHOLDER = re.compile(r"\(\?P<(\w+)>[^)]*\)|<(?:\w+:)?(\w+)>")


def test_every_url_is_in_the_matrix():
    unlisted = [
        route
        for route in all_routes()
        if not route.name.startswith("admin:") and route.name not in MATRIX
    ]
    assert not unlisted, f"add these URLs to tests/security/matrix.py: {unlisted}"
    stale = set(MATRIX) - {route.name for route in all_routes()}
    assert not stale, f"the matrix lists URLs that no longer exist: {stale}"


def outcome_of(response) -> object:
    if response.status_code == 302:
        location = response["Location"]
        return LOGIN if "/login/" in location else REDIRECT
    return response.status_code


@pytest.fixture(scope="module")
def world(module_people):
    """Built once, as in production: what is scheduled on commit (extraction, indexing) has run.

    Each test's requests are rolled back after it, so every role meets the same world.
    """
    with TestCase.captureOnCommitCallbacks(execute=True):
        return build_world(module_people)


@pytest.fixture
def people(module_people):
    return module_people


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_matrix(role, world, as_role):
    client = as_role(role)
    world.viewed_by(role)
    failures = []
    for name, row in {**MATRIX, **CANARY_ROWS}.items():
        path = row.url(world)
        response = getattr(client, row.method)(path)
        got, expected = outcome_of(response), row.outcome_for(role, path)
        if got != expected:
            failures.append(f"{name} {path}: expected {expected}, got {got}")
        failures += world.leaks_in(response, role=role, where=f"{name} {path}")
    assert not failures, "\n".join(failures)


def admin_paths(world) -> list[tuple[str, str]]:
    """Admin paths built from their patterns (some admin patterns have no name to reverse)."""
    values = {
        "object_id": str(world.meeting.pk),
        "id": str(world.people["delegate"].pk),
        "app_label": "meetings",
        "version_id": "1",
        "content_type_id": "1",
        "url": "anything/",
    }
    paths = []
    for route in all_routes():
        if not route.name.startswith("admin:") or route.name in ADMIN_PUBLIC:
            continue
        parameters = [regex or converter for regex, converter in PLACEHOLDER.findall(route.pattern)]
        if route.name != "admin:":
            kwargs = {name: values[name] for name in parameters}
            positional = ["1"] * len(POSITIONAL_GROUP.findall(route.pattern))
            path = reverse(route.name, args=positional or None, kwargs=kwargs or None)
        else:  # unnamed (admin's old-style redirect): build it from the pattern
            path = "/" + PLACEHOLDER.sub(
                lambda match: values[match.group(1) or match.group(2)], route.pattern
            )
        paths.append((route.name, path))
    return paths


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_admin_is_behind_staff_rights(role, world, as_role):
    client = as_role(role)
    failures = []
    for name, path in admin_paths(world):
        response = client.get(path)
        if role in STAFF:
            if response.status_code >= 500:
                failures.append(f"{name} {path}: server error")
        elif outcome_of(response) not in {LOGIN, 404}:
            failures.append(f"{name} {path}: {role} got {response.status_code}")
        failures += world.leaks_in(response, role=role, where=f"{name} {path}")
    assert not failures, "\n".join(failures)


def test_secretariat_manages_meetings_in_the_admin(world, as_role):
    client = as_role("secretariat")
    assert client.get(reverse("admin:meetings_meeting_changelist")).status_code == 200
    change = reverse("admin:meetings_meeting_change", args=[world.meeting.pk])
    assert client.get(change).status_code == 200
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403
