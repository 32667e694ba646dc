"""Canaries at every access level: a role never sees, counts or reads what it may not."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cwg.models import Delegation
from cwg.search.engine import search
from cwg.search.entries import IndexEntry
from cwg.search.principals import user_principals
from tests.roles import ROLE_NAMES
from tests.search.conftest import BACKENDS, make_engine

CANARY = "كناريجاسوس"


def canary(object_id, principals):
    return IndexEntry(
        kind="document",
        object_id=object_id,
        title=f"{CANARY} {sorted(principals)}",
        texts={"ar": f"سر {CANARY} {object_id}"},
        principals=frozenset(principals),
        facets={"status": f"level{object_id}"},
    )


def levels(people):
    delegate = people["delegate"]
    state = Delegation.objects.filter(user=delegate).values_list(
        "member_state__iso_code", flat=True
    )
    return {
        1: {"public"},
        2: {"members"},
        3: {"secretariat"},
        4: {"secretariat", f"user:{delegate.pk}"},
        5: {"secretariat", f"party:state:{state.first()}"},
    }


def allowed(role, people):
    member = role not in {"public"}
    secretariat = role in {"secretariat", "superuser"}
    delegate_side = role == "delegate"
    return (
        {1}
        | ({2} if member else set())
        | ({3, 4, 5} if secretariat else set())
        | ({4, 5} if delegate_side else set())
    )


@pytest.fixture(params=BACKENDS)
def guarded(request, db, people):
    engine = make_engine(request, request.param)
    engine.index([canary(number, principals) for number, principals in levels(people).items()])
    return engine


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_each_role_sees_exactly_its_levels(guarded, people, role):
    results = search(user=people[role], text=CANARY, backend=guarded, per_page=50)
    seen = {hit.object_id for hit in results.hits}
    assert seen == allowed(role, people)
    assert results.total == len(seen)
    assert results.facets["status"] == {f"level{n}": 1 for n in seen}
    forbidden = {f"level{n}" for n in set(range(1, 6)) - seen}
    assert not any(level in hit.snippet + hit.title for hit in results.hits for level in forbidden)


def test_principals_of_the_delegate(people):
    principals = user_principals(people["delegate"])
    assert {"public", "members", f"user:{people['delegate'].pk}"} <= principals
    assert any(p.startswith("party:state:") for p in principals)
    assert "secretariat" not in principals
    assert user_principals(people["public"]) == {"public"}


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=st.text(max_size=300) | st.text(alphabet="\"-*^:()NEAROTD &/\\'ا؟ـً", max_size=60))
def test_hostile_queries_never_raise(guarded, people, text):
    results = search(user=people["public"], text=text, backend=guarded)
    assert {hit.object_id for hit in results.hits} <= {1}


def test_ten_kilobytes_of_text(guarded, people):
    results = search(user=people["public"], text="سر " * 3500, backend=guarded)
    assert results.message
