"""The documents' predicates that views, the API and services share."""

import pytest

from documents.permissions import can_restore_version

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("delegate", True), ("secretariat", True), ("other_delegate", False), ("public", False)],
)
def test_who_restores_a_version_of_a_draft(draft, people, role, allowed):
    assert can_restore_version(user=people[role], document=draft) is allowed


def test_after_registration_only_the_secretariat_restores(registered, people):
    assert can_restore_version(user=people["secretariat"], document=registered)
    assert not can_restore_version(user=people["delegate"], document=registered)
