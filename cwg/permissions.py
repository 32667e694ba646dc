"""Roles of the working group: the single place that knows group names and officer rules.

Roles come from Django groups (created by a data migration) plus the officer terms; rights on
single objects come from django-guardian and are granted only in each app's permissions.py.
"""

from django.contrib.auth.models import AnonymousUser, User
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

SECRETARIAT = "Secretariat"
OFFICERS = "Officers"
DELEGATES = "Delegates"
# The groups keep their English names; pages show them in the page's language.
ROLE_GROUP_LABELS = {
    SECRETARIAT: _("Secretariat"),
    OFFICERS: _("Officers"),
    DELEGATES: _("Delegates"),
}


def group_label(group) -> str:
    """A group's name as shown to a person: a role group's in the page's language."""
    return str(ROLE_GROUP_LABELS.get(group.name, group.name))


ROLE_GROUPS = (SECRETARIAT, OFFICERS, DELEGATES)

AnyUser = User | AnonymousUser


def group_names(user: AnyUser) -> frozenset[str]:
    """The user's group names, read once per user object so pages keep a constant query count."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_cwg_group_names", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._cwg_group_names = cached
    return cached


def is_secretariat(user: AnyUser) -> bool:
    return user.is_authenticated and (user.is_superuser or SECRETARIAT in group_names(user))


def can_tag(*, user: AnyUser) -> bool:
    """Tag documents, questions, inputs, actions and gap items with action lines and SDGs
    (delegations only propose tags for their own documents)."""
    return is_secretariat(user)


def is_officer(user: AnyUser) -> bool:
    return OFFICERS in group_names(user)


def is_member(user: AnyUser) -> bool:
    """Anyone signed in with a role in the group: may read members-only material."""
    return is_secretariat(user) or bool(group_names(user) & set(ROLE_GROUPS))


def is_chair_of(user: AnyUser, working_group) -> bool:
    if not user.is_authenticated or user.pk is None:  # a previewed viewer holds no office
        return False
    return (
        working_group.officers.current(on=timezone.localdate())
        .filter(user=user, role="chair")
        .exists()
    )


# The secretariat manages the group's reference data and meetings in the admin; it may read the
# rest there, but workflow changes (registering, publishing, moderating) go through the services.
SECRETARIAT_ADMIN_RIGHTS = {
    "cwg": ("view", "add", "change"),
    "meetings": ("view", "add", "change"),
    "documents": ("view",),
    "consultations": ("view",),
}


def grant_role_permissions() -> None:
    """Give the Secretariat group its admin rights; safe to run after every migrate."""
    from django.contrib.auth.models import Group, Permission

    secretariat, _created = Group.objects.get_or_create(name=SECRETARIAT)
    for group_name in ROLE_GROUPS:
        Group.objects.get_or_create(name=group_name)
    for app_label, actions in SECRETARIAT_ADMIN_RIGHTS.items():
        codename_prefixes = tuple(f"{action}_" for action in actions)
        permissions = [
            permission
            for permission in Permission.objects.filter(content_type__app_label=app_label)
            if permission.codename.startswith(codename_prefixes)
        ]
        secretariat.permissions.add(*permissions)
