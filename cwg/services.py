import datetime as dt

import reversion
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from cwg.exceptions import InvalidTransition
from cwg.models import (
    Delegation,
    MemberState,
    Officer,
    Organization,
    UserPreference,
    WorkingGroup,
)
from cwg.permissions import ROLE_GROUPS


@transaction.atomic
def appoint_officer(
    *,
    working_group: WorkingGroup,
    name: str,
    role: str,
    member_state: MemberState,
    term_start: dt.date,
    user: User | None = None,
    attends_remotely: bool = False,
    form_of_address: str = "",
    by: User | None = None,
) -> Officer:
    """Record an officer's term; a second sitting chair is refused by the database constraint."""
    with reversion.create_revision():
        try:
            with transaction.atomic():
                officer, _created = Officer.objects.update_or_create(
                    working_group=working_group,
                    name=name,
                    role=role,
                    term_start=term_start,
                    defaults={
                        "member_state": member_state,
                        "user": user,
                        "attends_remotely": attends_remotely,
                        "form_of_address": form_of_address,
                    },
                )
        except IntegrityError as exc:
            raise InvalidTransition(_("This working group already has a sitting chair.")) from exc
        if user is not None:
            user.groups.add(Group.objects.get_or_create(name="Officers")[0])
        reversion.set_user(by)
        reversion.set_comment(f"Appointed {name} as {role}")
    return officer


@transaction.atomic
def enrol_user(
    *,
    username: str,
    password: str,
    role: str,
    full_name: str = "",
    email: str = "",
    member_state: MemberState | None = None,
    organization: Organization | None = None,
    is_staff: bool = False,
) -> User:
    """Create or update a sign-in with its role group and, for delegates, its delegation."""
    if role not in ROLE_GROUPS:
        raise ValueError(f"Unknown role {role!r}; expected one of {ROLE_GROUPS}")
    first_name, _sep, last_name = full_name.partition(" ")
    user, _created = User.objects.update_or_create(
        username=username,
        defaults={
            "first_name": first_name,
            "last_name": last_name,
            "email": email,
            "is_staff": is_staff,
        },
    )
    user.set_password(password)
    user.save(update_fields=["password"])
    user.groups.add(Group.objects.get_or_create(name=role)[0])
    if member_state is not None or organization is not None:
        Delegation.objects.get_or_create(
            user=user, member_state=member_state, organization=organization
        )
    return user


def _language(code: str) -> str:
    """The site's code for a language ('zh-hans'), or '' for none it offers."""
    code = (code or "").lower()
    return code if code in dict(settings.LANGUAGES) else ""


def record_last_language(*, user, language: str) -> None:
    """The language a person just used (signing in, switching): their mails follow it until
    they choose one. Written only when it changed, so a sign-in costs one read."""
    language = _language(language)
    if not language or not getattr(user, "is_authenticated", False):
        return
    updated = UserPreference.objects.filter(user_id=user.pk).exclude(last_language=language)
    if updated.update(last_language=language):
        return
    UserPreference.objects.get_or_create(user_id=user.pk, defaults={"last_language": language})


@transaction.atomic
def set_mail_language(*, user, language: str) -> UserPreference:
    """A person chooses the language of their mails ('' = the one they last used)."""
    if not user.is_authenticated:
        raise InvalidTransition(_("Sign in to choose the language of your mails."))
    if language and not _language(language):
        raise InvalidTransition(_("Choose one of the site's languages."))
    preference, _created = UserPreference.objects.update_or_create(
        user_id=user.pk, defaults={"language": _language(language)}
    )
    return preference
