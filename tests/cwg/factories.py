import datetime as dt

import factory
from django.contrib.auth.models import User

from cwg.member_states import member_state_rows
from cwg.models import MemberState, Officer, Organization, WorkingGroup

_STATE_ROWS = {row["iso_code"]: row for row in member_state_rows()}


def member_state(iso_code: str) -> MemberState:
    """The member state row; recreated from the data file if a transactional test flushed it."""
    row = dict(_STATE_ROWS[iso_code])
    row.pop("iso_code")
    state, _created = MemberState.objects.get_or_create(iso_code=iso_code, defaults=row)
    return state


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.invalid")
    password = factory.PostGenerationMethodCall("set_password", "a-test-password-1")


class WorkingGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkingGroup
        django_get_or_create = ["code"]

    code = "CWG-WSIS&SDG"
    name = "Council Working Group on WSIS and the SDGs"
    mandate = "Test mandate."


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Organization {n}")
    kind = Organization.Kind.SECTOR_MEMBER


class OfficerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Officer

    working_group = factory.SubFactory(WorkingGroupFactory)
    name = factory.Sequence(lambda n: f"Officer {n}")
    role = Officer.Role.VICE_CHAIR
    member_state = factory.LazyFunction(lambda: member_state("SE"))
    term_start = dt.date(2023, 1, 1)
