"""Who may read what: the principals of a user, from cwg.permissions and cwg.models only."""

from cwg.models import Delegation
from cwg.permissions import AnyUser, is_member, is_officer, is_secretariat

PUBLIC = "public"
MEMBERS = "members"
OFFICERS = "officers"
SECRETARIAT = "secretariat"


def party_principal(*, state_code: str | None = None, organization_id: int | None = None) -> str:
    return f"party:state:{state_code}" if state_code else f"party:org:{organization_id}"


def group_principal(group_id: int) -> str:
    return f"group:{group_id}"


def user_principals(user: AnyUser) -> frozenset[str]:
    principals = {PUBLIC}
    if not user.is_authenticated:
        return frozenset(principals)
    principals.add(f"user:{user.pk}")
    if is_member(user):
        principals.add(MEMBERS)
        principals.update(group_principal(pk) for pk in user.groups.values_list("pk", flat=True))
    if is_officer(user):
        principals.add(OFFICERS)
    if is_secretariat(user):
        principals.add(SECRETARIAT)
    for state, organization in Delegation.objects.filter(user=user).values_list(
        "member_state__iso_code", "organization_id"
    ):
        principals.add(party_principal(state_code=state, organization_id=organization))
    return frozenset(principals)
