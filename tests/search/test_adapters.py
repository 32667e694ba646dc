"""Documents, summaries and consultation inputs in the index: what each role finds is exactly
what the apps' own permissions let it open, through the real on-commit indexing."""

from collections import Counter

import pytest

from consultations.models import Submission
from cwg.search.engine import get_backend, reindex, search
from documents.models import Document
from tests.roles import ROLE_NAMES
from tests.security.world import build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return build_world(people)


def found(user, text="canary", **filters) -> dict[str, set[int]]:
    results = search(user=user, text=text, filters=filters, per_page=100)
    assert results.total == len(results.hits)
    ids: dict[str, set[int]] = {"document": set(), "submission": set()}
    for hit in results.hits:
        ids[hit.kind].add(hit.object_id)
    return ids


def canary_documents_visible_to(user) -> set[int]:
    canaries = Document.objects.filter(title__startswith="CANARY")
    return set(canaries.visible_to(user).values_list("pk", flat=True))


def test_each_role_finds_exactly_what_it_may_open(world):
    """One world, every role: rebuilding the world per role would cost a minute."""
    published = set(Submission.objects.published().values_list("pk", flat=True))
    assert len(published) == 1
    for role in ROLE_NAMES:
        user = world.people[role]
        expected = canary_documents_visible_to(user)
        assert expected, "every role may open at least the public canary"
        assert found(user) == {"document": expected, "submission": published}, role
        _assert_totals_and_facets(user)


def _assert_totals_and_facets(user):
    results = search(user=user, text="canary", per_page=1)
    visible = len(canary_documents_visible_to(user)) + 1  # and the published input
    assert results.total == visible
    assert sum(results.facets["kind"].values()) == visible
    documents = Document.objects.filter(title__startswith="CANARY").visible_to(user)
    expected = Counter(documents.values_list("status", flat=True))
    expected[Submission.Status.PUBLISHED] += 1
    assert results.facets["status"] == dict(expected)


def test_extracted_file_text_and_the_source_are_searchable(world):
    owner = world.people["delegate"]
    draft = world.documents["draft"]
    # The file's text is "CANARY-DRAFT text"; "text" is only in the files, never in titles.
    assert draft.pk in found(owner, "canary-draft text")["document"]
    assert draft.pk in found(owner, "Egypt canary")["document"]  # the owning state
    # A delegation's draft is its own: not even the secretariat finds it.
    assert draft.pk not in found(world.people["secretariat"], "canary-draft text")["document"]


def test_a_summary_is_found_by_its_text_and_kind_facet(world):
    summary = world.documents["summary"]
    chair = world.people["chair"]
    results = search(user=chair, text="canary-summary-text", filters={"kind": "summary"})
    assert [hit.object_id for hit in results.hits] == [summary.pk]
    assert results.hits[0].snippet == "<mark>CANARY</mark>-<mark>SUMMARY</mark>-<mark>TEXT</mark>"
    assert found(world.people["delegate"], "canary-summary-text")["document"] == set()


def test_a_change_of_state_reaches_the_index_on_commit(world, django_capture_on_commit_callbacks):
    from documents.services import withdraw_document

    public = world.documents["public"]
    anyone = world.people["public"]
    assert public.pk in found(anyone)["document"]
    with django_capture_on_commit_callbacks(execute=True):
        withdraw_document(document=public, by=world.people["secretariat"], reason="Replaced")
    # Withdrawn in the open: still found by its title, no longer by the words of its files.
    assert public.pk in found(anyone)["document"]
    assert public.pk not in found(anyone, "canary-public text")["document"]
    assert public.pk in found(world.people["secretariat"])["document"]


def test_nothing_is_indexed_before_the_transaction_commits(
    people, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        build_world(people)
    assert callbacks
    assert search(user=people["secretariat"], text="canary").total == 0


def test_reindex_rebuilds_the_same_index(world):
    before = {role: found(world.people[role]) for role in ROLE_NAMES}
    backend = get_backend()
    backend.clear()
    assert found(world.people["secretariat"]) == {"document": set(), "submission": set()}
    count = reindex(backend=backend)
    assert count == Document.objects.count() + Submission.objects.published().count()
    assert {role: found(world.people[role]) for role in ROLE_NAMES} == before
