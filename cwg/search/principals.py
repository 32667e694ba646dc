"""Who may read what: the principals of a user, from cwg.permissions and cwg.models only."""

from cwg.models import Delegation
from cwg.permissions import AnyUser, is_member, is_secretariat

PUBLIC = "public"
MEMBERS = "members"
SECRETARIAT = "secretariat"


def user_principals(user: AnyUser) -> frozenset[str]:
    principals = {PUBLIC}
    if not user.is_authenticated:
        return frozenset(principals)
    principals.add(f"user:{user.pk}")
    principals.update(f"group:{pk}" for pk in user.groups.values_list("pk", flat=True))
    if is_member(user):
        principals.add(MEMBERS)
    if is_secretariat(user):
        principals.add(SECRETARIAT)
    for state, organization in Delegation.objects.filter(user=user).values_list(
        "member_state__iso_code", "organization_id"
    ):
        principals.add(f"party:state:{state}" if state else f"party:org:{organization}")
    return frozenset(principals)
