"""The viewers the secretariat may preview a document page as: anyone (the public), a delegate of
a member state, a sector member's representative, or a member of a named group."""

from django.contrib.auth.models import AnonymousUser, Group, User
from django.utils.translation import gettext as _

from cwg.models import MemberState, Organization
from cwg.permissions import group_label
from documents import permissions


def preview_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """(group label, [(value, label)]) for the "Preview as" list: three queries."""
    return [
        (_("Anyone"), [("public", _("The public (not signed in)"))]),
        (
            _("A delegate of"),
            [(f"state:{state.iso_code}", state.name) for state in MemberState.objects.all()],
        ),
        (
            _("A representative of"),
            [
                (f"organization:{organization.pk}", organization.name)
                for organization in Organization.objects.order_by("name")
            ],
        ),
        (
            _("A member of the group"),
            [(f"group:{group.pk}", group_label(group)) for group in Group.objects.order_by("name")],
        ),
    ]


def previewed_viewer(choice: str) -> tuple[User | AnonymousUser, str] | None:
    """The viewer a "Preview as" value names, with its label; None for a value naming nobody."""
    kind, _sep, key = choice.partition(":")
    if kind == "public" and not key:
        return AnonymousUser(), _("the public (not signed in)")
    if kind == "state":
        state = MemberState.objects.filter(iso_code=key.upper()[:2]).first()
        if state is not None:
            return (
                permissions.previewed_delegate(state_id=state.pk),
                _("a delegate of %(state)s") % {"state": state.name},
            )
    if kind == "organization" and key.isdecimal():
        organization = Organization.objects.filter(pk=int(key)).first()
        if organization is not None:
            return (
                permissions.previewed_delegate(organization_id=organization.pk),
                _("a representative of %(organization)s") % {"organization": organization.name},
            )
    if kind == "group" and key.isdecimal():
        group = Group.objects.filter(pk=int(key)).first()
        if group is not None:
            return (
                permissions.previewed_viewer(groups=[group.name]),
                _("a member of the group %(group)s") % {"group": group_label(group)},
            )
    return None
