"""The people of the permission matrix: one sign-in per role, built through the services."""

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser, User

from cwg.models import WorkingGroup
from cwg.permissions import DELEGATES, OFFICERS, SECRETARIAT
from cwg.services import appoint_officer, enrol_user
from tests.cwg.factories import OrganizationFactory, member_state

ROLE_NAMES = [
    "public",
    "delegate",
    "other_delegate",
    "sector_member",
    "vice_chair",
    "chair",
    "secretariat",
    "superuser",
]


@dataclass
class People:
    working_group: WorkingGroup
    users: dict[str, User | AnonymousUser]

    def __getitem__(self, role: str) -> User | AnonymousUser:
        return self.users[role]


def make_people(working_group: WorkingGroup) -> People:
    enrol = {"password": "a-test-password-1"}
    users: dict[str, User | AnonymousUser] = {"public": AnonymousUser()}
    users["delegate"] = enrol_user(
        username="delegate.eg", role=DELEGATES, member_state=member_state("EG"), **enrol
    )
    users["other_delegate"] = enrol_user(
        username="delegate.se", role=DELEGATES, member_state=member_state("SE"), **enrol
    )
    users["sector_member"] = enrol_user(
        username="sector.member", role=DELEGATES, organization=OrganizationFactory(), **enrol
    )
    users["vice_chair"] = enrol_user(username="vicechair", role=OFFICERS, **enrol)
    users["chair"] = enrol_user(username="chair", role=OFFICERS, **enrol)
    users["secretariat"] = enrol_user(
        username="secretariat", role=SECRETARIAT, is_staff=True, **enrol
    )
    superuser = enrol_user(username="root", role=SECRETARIAT, is_staff=True, **enrol)
    superuser.is_superuser = True
    superuser.save(update_fields=["is_superuser"])
    users["superuser"] = superuser
    for role, iso in [("chair", "ZA"), ("vice_chair", "BR")]:
        appoint_officer(
            working_group=working_group,
            name=users[role].username,
            role=role,
            member_state=member_state(iso),
            term_start=dt.date(2023, 1, 1),
            user=users[role],
        )
    return People(working_group=working_group, users=users)


def is_refused(response, role: str) -> bool:
    """A page refused: the anonymous visitor is sent to sign in (and back), the others get 403."""
    if role == "public" and response.status_code == 302:
        return "/accounts/login/?next=" in response["Location"]
    return response.status_code == 403
