import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from cwg.exceptions import InvalidTransition
from cwg.models import Delegation, MemberState, Officer
from cwg.services import appoint_officer
from tests.cwg.factories import OfficerFactory, UserFactory, member_state

pytestmark = pytest.mark.django_db

UN_LANGUAGES = ["ar", "zh", "en", "fr", "ru", "es"]


def test_a_second_sitting_chair_is_refused_by_the_database(working_group):
    OfficerFactory(working_group=working_group, role=Officer.Role.CHAIR)
    with pytest.raises(IntegrityError), transaction.atomic():
        Officer.objects.create(
            working_group=working_group,
            name="Another chair",
            role=Officer.Role.CHAIR,
            member_state=member_state("BR"),
            term_start=dt.date(2024, 1, 1),
        )


def test_appointing_a_second_sitting_chair_is_refused_with_a_message(working_group):
    OfficerFactory(working_group=working_group, role=Officer.Role.CHAIR)
    with pytest.raises(InvalidTransition, match="already has a sitting chair"):
        appoint_officer(
            working_group=working_group,
            name="Another chair",
            role=Officer.Role.CHAIR,
            member_state=member_state("BR"),
            term_start=dt.date(2024, 1, 1),
        )


def test_a_new_chair_may_follow_one_whose_term_ended(working_group):
    OfficerFactory(
        working_group=working_group,
        role=Officer.Role.CHAIR,
        term_start=dt.date(2019, 1, 1),
        term_end=dt.date(2022, 12, 31),
    )
    OfficerFactory(working_group=working_group, role=Officer.Role.CHAIR)
    assert working_group.officers.filter(role=Officer.Role.CHAIR).count() == 2


def test_vice_chairs_are_not_limited_to_one(working_group):
    OfficerFactory.create_batch(4, working_group=working_group, role=Officer.Role.VICE_CHAIR)
    assert working_group.officers.count() == 4


def test_a_term_cannot_end_before_it_starts(working_group):
    with pytest.raises(IntegrityError), transaction.atomic():
        OfficerFactory(
            working_group=working_group,
            term_start=dt.date(2024, 1, 1),
            term_end=dt.date(2023, 1, 1),
        )


def test_current_officers_are_those_whose_term_covers_the_day(working_group):
    sitting = OfficerFactory(working_group=working_group, term_start=dt.date(2023, 1, 1))
    past = OfficerFactory(
        working_group=working_group, term_start=dt.date(2019, 1, 1), term_end=dt.date(2022, 12, 31)
    )
    future = OfficerFactory(working_group=working_group, term_start=dt.date(2030, 1, 1))
    on = dt.date(2026, 1, 15)
    current = set(Officer.objects.current(on=on))
    assert sitting in current
    assert past not in current
    assert future not in current
    assert past in set(Officer.objects.current(on=dt.date(2022, 12, 31)))


def test_all_194_member_states_are_loaded_with_names_in_six_languages():
    assert MemberState.objects.count() == 194
    for language in UN_LANGUAGES:
        assert not MemberState.objects.filter(**{f"name_{language}": ""}).exists(), language
    egypt = MemberState.objects.get(iso_code="EG")
    assert egypt.name_in("ar") == "مصر"
    assert egypt.name_in("fr") == "Égypte"
    assert egypt.name_in("zh-hans") == "埃及"


@pytest.mark.parametrize(
    ("iso_code", "region"),
    [("ZA", "D"), ("BR", "A"), ("KR", "E"), ("RW", "D"), ("SE", "B")],
)
def test_the_officers_countries_are_in_their_itu_regions(iso_code, region):
    assert MemberState.objects.get(iso_code=iso_code).itu_region == region


def test_every_itu_region_and_development_region_is_used():
    regions = set(MemberState.objects.values_list("itu_region", flat=True))
    assert regions == set(MemberState.ItuRegion.values)
    development = set(MemberState.objects.values_list("development_region", flat=True))
    assert development == set(MemberState.DevelopmentRegion.values)


def test_a_delegation_acts_for_exactly_one_party():
    user = UserFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Delegation.objects.create(user=user)
    Delegation.objects.create(user=user, member_state=member_state("EG"))
    assert user.delegations.get().party.iso_code == "EG"
