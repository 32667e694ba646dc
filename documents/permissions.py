"""Who may see or do what with documents: the single source of truth, guardian calls included.

Visibility:
- the secretariat sees everything except a delegation's drafts: until it is submitted, a draft
  belongs to its delegation alone;
- the owning delegation (the users acting for the owning member state or organization) sees its
  documents in every state; a document filed by no delegation (the secretariat's, an office's) is
  seen by whoever filed it;
- co-sponsoring member states see a document from its submission;
- a withdrawn document that had been published stays visible where it was (marked withdrawn);
- officers see registered and published documents;
- a published document is visible to everyone when public, to members when members-only, and to
  the named groups when restricted.
Drafts and submitted documents are never visible to other delegations.
"""

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import F, Q
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from guardian.shortcuts import assign_perm, remove_perm

from cwg.permissions import (
    DELEGATES,
    can_tag,
    group_names,
    is_chair_of,
    is_member,
    is_officer,
    is_secretariat,
)
from documents.models import Document

AnyUser = User | AnonymousUser
CHANGE_DRAFT = "documents.change_document"
EDITABLE_STATES = {Document.Status.DRAFT, Document.Status.SUBMITTED}


def _party_ids(user: AnyUser) -> tuple[list[int], list[int]]:
    """(member state ids, organization ids) the user acts for, read once per user object."""
    if not user.is_authenticated:
        return [], []
    cached = getattr(user, "_cwg_parties", None)
    if cached is None:
        rows = list(user.delegations.values_list("member_state_id", "organization_id"))
        cached = ([s for s, _o in rows if s], [o for _s, o in rows if o])
        user._cwg_parties = cached
    return cached


def _owned_by(user: AnyUser) -> Q:
    states, organizations = _party_ids(user)
    mine = Q(pk__in=[])
    if user.is_authenticated and user.pk is not None:  # a previewed viewer files nothing
        mine = Q(owner_state__isnull=True, owner_organization__isnull=True, submitted_by=user)
    if states or organizations:
        mine |= Q(owner_state_id__in=states) | Q(owner_organization_id__in=organizations)
    return mine


DELEGATION_DRAFT = Q(status=Document.Status.DRAFT) & (
    Q(owner_state__isnull=False) | Q(owner_organization__isnull=False)
)


def is_delegation_draft(document: Document) -> bool:
    """A draft of a member state or organization: nobody outside that delegation sees it."""
    return document.status == Document.Status.DRAFT and bool(
        document.owner_state_id or document.owner_organization_id
    )


def visible_documents_filter(user: AnyUser) -> Q:
    if is_secretariat(user):
        return ~DELEGATION_DRAFT | _owned_by(user)
    published = Q(status=Document.Status.PUBLISHED) | Q(
        status=Document.Status.WITHDRAWN, published_at__isnull=False
    )
    visible = published & Q(access=Document.Access.PUBLIC)
    if is_member(user):
        visible |= published & Q(access=Document.Access.MEMBERS)
        visible |= published & Q(
            access=Document.Access.RESTRICTED, restricted_to__name__in=sorted(group_names(user))
        )
    if is_officer(user):
        visible |= Q(status=Document.Status.REGISTERED)
        visible |= Q(kind=Document.Kind.SUMMARY) & ~Q(status=Document.Status.WITHDRAWN)
    return visible | _owned_by(user) | _cosponsored_by(user)


def _cosponsored_by(user: AnyUser) -> Q:
    """Co-sponsoring member states see a document from its submission, whatever their answer."""
    states, _organizations = _party_ids(user)
    if not states:
        return Q(pk__in=[])
    return Q(cosponsors__member_state_id__in=states) & ~Q(status=Document.Status.DRAFT)


def downloadable_documents_filter(user: AnyUser) -> Q:
    """A withdrawn document's files are no longer offered, except to the secretariat."""
    if is_secretariat(user):
        return visible_documents_filter(user)
    return visible_documents_filter(user) & ~Q(status=Document.Status.WITHDRAWN)


def can_download_files(*, user: AnyUser, document: Document) -> bool:
    return document.status != Document.Status.WITHDRAWN or is_secretariat(user)


def can_view_document(*, user: AnyUser, document: Document) -> bool:
    return Document.objects.filter(pk=document.pk).visible_to(user).exists()


def can_create_contribution(*, user: AnyUser) -> bool:
    """Delegations for their party, the secretariat as itself, officers as their office."""
    states, organizations = _party_ids(user)
    return is_secretariat(user) or is_officer(user) or bool(states or organizations)


def may_file_for(
    *, user: AnyUser, states: list[int], organizations: list[int], source_text: str
) -> bool:
    """A delegate files only for their member state, a sector member for their organization;
    only the secretariat names any source it likes (it records what others sent it)."""
    if is_secretariat(user):
        return True
    own_states, own_organizations = _party_ids(user)
    return (
        set(states) <= set(own_states)
        and set(organizations) <= set(own_organizations)
        and not source_text
    )


def can_name_any_source(*, user: AnyUser) -> bool:
    return is_secretariat(user)


def may_add_to_past_meeting(*, user: AnyUser) -> bool:
    """Once a meeting is over only the secretariat adds documents to it."""
    return is_secretariat(user)


def is_never_late(*, user: AnyUser) -> bool:
    """The secretariat's own documents are not contributions: no deadline applies to them."""
    return is_secretariat(user)


def can_edit_document(*, user: AnyUser, document: Document) -> bool:
    """The owning delegation (guardian object permission) until registration; the secretariat."""
    if document.status not in EDITABLE_STATES:
        return False
    if is_secretariat(user) and not is_delegation_draft(document):
        return True
    return user.is_authenticated and user.has_perm(CHANGE_DRAFT, document)


def can_see_tag_proposal(*, user: AnyUser, document: Document) -> bool:
    """The tags a delegation proposed: for the secretariat, who confirms them, and for whoever
    may still edit the document."""
    return can_tag(user=user) or can_edit_document(user=user, document=document)


def can_add_file(*, user: AnyUser, document: Document) -> bool:
    if document.status == Document.Status.WITHDRAWN:
        return False
    return can_edit_document(user=user, document=document) or can_manage_documents(user=user)


def can_submit_document(*, user: AnyUser, document: Document) -> bool:
    return document.status == Document.Status.DRAFT and can_edit_document(
        user=user, document=document
    )


def can_manage_documents(*, user: AnyUser) -> bool:
    """Register, approve late contributions, publish, add language versions and revisions."""
    return is_secretariat(user)


def can_manage_translations(*, user: AnyUser) -> bool:
    """Request translations, move them along, upload what the translators deliver."""
    return is_secretariat(user)


def can_withdraw_document(*, user: AnyUser, document: Document) -> bool:
    if document.status == Document.Status.WITHDRAWN:
        return False
    if is_secretariat(user) and not is_delegation_draft(document):
        return True
    return document.status in EDITABLE_STATES and can_edit_document(user=user, document=document)


def can_restore_version(*, user: AnyUser, document: Document) -> bool:
    """Copy an earlier version's details back: whoever may edit the document, and the secretariat
    (also after registration). Whether the state allows it is the service's check."""
    return can_edit_document(user=user, document=document) or can_manage_documents(user=user)


def is_cosponsor_delegate(*, user: AnyUser, document: Document) -> bool:
    """Acts for a member state named as co-sponsor (reads the prefetched co-sponsors)."""
    states, _organizations = _party_ids(user)
    return any(cosponsor.member_state_id in states for cosponsor in document.cosponsors.all())


def can_answer_cosponsorship(*, user: AnyUser, document: Document) -> bool:
    """A co-sponsor's delegate confirms or declines once the document is submitted, and may
    change the answer until the document is withdrawn."""
    answerable = {
        Document.Status.SUBMITTED,
        Document.Status.REGISTERED,
        Document.Status.PUBLISHED,
    }
    return document.status in answerable and is_cosponsor_delegate(user=user, document=document)


def can_name_cosponsors(*, user: AnyUser, document: Document) -> bool:
    """Whoever may change the details of a member state's contribution (its delegation until
    registration; the secretariat when it records one) names its co-sponsors."""
    if document.kind == Document.Kind.SUMMARY:
        return False
    if not (document.owner_state_id or is_secretariat(user)):
        return False
    return can_edit_document(user=user, document=document)


def cosponsors_allowed(*, document: Document, states: list[int]) -> bool:
    """A state does not co-sponsor its own contribution: the submitter is already its source."""
    submitters = {document.owner_state_id, *document.source_states.values_list("pk", flat=True)}
    return not (set(states) & submitters)


def can_see_drafting(*, user: AnyUser, document: Document) -> bool:
    """Who reads what happened before registration (draft titles, access, user names): the
    delegation that owns the document and the secretariat (not for a delegation's draft)."""
    if is_secretariat(user):
        return not is_delegation_draft(document)
    if document.kind == Document.Kind.SUMMARY and is_officer(user):
        return True  # the officers write the summary together
    states, organizations = _party_ids(user)
    if document.owner_state_id or document.owner_organization_id:
        return document.owner_state_id in states or document.owner_organization_id in organizations
    return user.is_authenticated and document.submitted_by_id == user.pk


def role_in_words(user: User | None) -> str:
    """The part someone played, as the public history names them: never their user name.
    Reads the user's delegations (prefetch them when naming many)."""
    if user is None:
        return _("the system")
    if is_secretariat(user):
        return _("the secretariat")
    delegation = next(iter(user.delegations.all()), None)
    if delegation is not None and delegation.member_state_id:
        return format_lazy(_("the delegation of {state}"), state=delegation.member_state.name)
    if delegation is not None and delegation.organization_id:
        return format_lazy(
            _("the representatives of {organization}"), organization=delegation.organization.name
        )
    if is_officer(user):
        return _("the chair's office")
    return _("a member")


def can_correct_document(*, user: AnyUser, document: Document) -> bool:
    """After registration the secretariat corrects title, series, agenda items and access."""
    correctable = {Document.Status.REGISTERED, Document.Status.PUBLISHED}
    return document.status in correctable and can_manage_documents(user=user)


def can_edit_titles(*, user: AnyUser, document: Document) -> bool:
    """The secretariat enters a document's title in the six languages, whatever its status,
    except while it is a delegation's draft it does not see."""
    return can_manage_documents(user=user) and not is_delegation_draft(document)


def own_member_states(*, user: AnyUser) -> list[int]:
    return _party_ids(user)[0]


def can_preview_as_others(*, user: AnyUser) -> bool:
    return is_secretariat(user)


def previewed_delegate(*, state_id: int | None = None, organization_id: int | None = None) -> User:
    """A delegate of a member state, or a sector member's representative."""
    return previewed_viewer(
        groups=[DELEGATES],
        states=[state_id] if state_id else [],
        organizations=[organization_id] if organization_id else [],
    )


def previewed_viewer(
    *, groups: list[str], states: list[int] = (), organizations: list[int] = ()
) -> User:
    """Someone who does not exist: a signed-in person with these groups and delegations and no
    right on any single object. The rules above, applied to this viewer, give the page that
    such a person would get, without signing in as anyone. Never saved (no pk), inactive (so
    guardian and Django grant it nothing)."""
    viewer = User(username="", is_active=False)
    viewer._cwg_group_names = frozenset(groups)
    viewer._cwg_parties = (list(states), list(organizations))
    return viewer


ACCESS_IN_WORDS = {
    Document.Access.PUBLIC: _("Public: anyone, signed in or not."),
    Document.Access.MEMBERS: _(
        "Members: signed-in delegates of member states and sector members, the officers and the "
        "secretariat."
    ),
}


def audience_of(document: Document) -> str:
    """Who can see this document, in plain words, from the same rules as the filter above.

    Reads prefetched relations (owner, co-sponsors, restricted_to)."""
    owner = _owner_in_words(document)
    cosponsors = ", ".join(cosponsor.member_state.name for cosponsor in document.cosponsors.all())
    if document.status == Document.Status.DRAFT:
        return _draft_in_words(document, owner=owner, cosponsors=cosponsors)
    published = document.status == Document.Status.PUBLISHED or (
        document.status == Document.Status.WITHDRAWN and document.published_at
    )
    if not published:
        if document.status == Document.Status.WITHDRAWN:
            words = _("Withdrawn before publication: {owner} and the secretariat.")
        elif document.status == Document.Status.REGISTERED:
            words = _("Not published yet: {owner}, the secretariat, the chair and the vice-chairs.")
        else:
            words = _("Not published yet: {owner} and the secretariat.")
        words = format_lazy(words, owner=owner)
    elif document.access == Document.Access.RESTRICTED:
        groups = ", ".join(sorted(group.name for group in document.restricted_to.all()))
        words = format_lazy(
            _("Restricted to: {groups}; and {owner} and the secretariat."),
            groups=groups or "—",
            owner=owner,
        )
    else:
        words = ACCESS_IN_WORDS[document.access]
    open_to_all = published and document.access == Document.Access.PUBLIC
    if cosponsors and not open_to_all:
        words = format_lazy(
            "{words} {cosponsors}",
            words=words,
            cosponsors=format_lazy(_("Co-sponsors see it too: {states}."), states=cosponsors),
        )
    if document.status == Document.Status.WITHDRAWN:
        words = format_lazy(
            "{words} {files}", words=words, files=_("Its files: only the secretariat.")
        )
    return words


def _draft_in_words(document: Document, *, owner: str, cosponsors: str) -> str:
    if document.kind == Document.Kind.SUMMARY:
        return _("Draft: the chair, the vice-chairs and the secretariat.")
    if not is_delegation_draft(document):
        return format_lazy(_("Draft: only {owner} and the secretariat."), owner=owner)
    words = format_lazy(_("Draft: only {owner}."), owner=owner)
    if cosponsors:
        later = format_lazy(
            _("Co-sponsors see it once it is submitted: {states}."), states=cosponsors
        )
        words = format_lazy("{words} {later}", words=words, later=later)
    return words


def _owner_in_words(document: Document) -> str:
    if document.owner_state_id:
        return format_lazy(_("the delegation of {state}"), state=document.owner_state.name)
    if document.owner_organization_id:
        return format_lazy(
            _("the representatives of {organization}"),
            organization=document.owner_organization.name,
        )
    return _("whoever filed it")


def can_edit_summary(*, user: AnyUser, document: Document) -> bool:
    """A draft summary, or the correction (next revision) of a published one."""
    return (
        document.kind == Document.Kind.SUMMARY
        and (is_secretariat(user) or is_officer(user))
        and _summary_in_writing(document)
    )


def can_publish_summary(*, user: AnyUser, document: Document) -> bool:
    """Only the chair of the meeting's working group publishes its summary (and corrections)."""
    return (
        document.kind == Document.Kind.SUMMARY
        and is_chair_of(user, document.meeting.working_group)
        and _summary_in_writing(document)
    )


def _summary_in_writing(document: Document) -> bool:
    if document.status == Document.Status.DRAFT:
        return True
    return (
        document.status == Document.Status.PUBLISHED
        and document.revisions.filter(published_at__isnull=True).exists()
    )


def can_create_summary(*, user: AnyUser) -> bool:
    return is_secretariat(user) or is_officer(user)


def grant_draft_rights(*, document: Document) -> None:
    """Every user acting for the owning party may change the draft until it is registered."""
    for user in _owning_users(document):
        assign_perm(CHANGE_DRAFT, user, document)


def revoke_draft_rights(*, document: Document) -> None:
    for user in _owning_users(document):
        remove_perm(CHANGE_DRAFT, user, document)


def _owning_users(document: Document):
    if not document.owner_state_id and not document.owner_organization_id:
        return User.objects.filter(pk=document.submitted_by_id)
    return User.objects.filter(
        Q(
            delegations__member_state_id=document.owner_state_id,
            delegations__member_state__isnull=False,
        )
        | Q(
            delegations__organization_id=document.owner_organization_id,
            delegations__organization__isnull=False,
        )
    ).distinct()


# Revisions and files (issue 13 items 4 and 5). A revision being prepared (a draft revision) and
# its files are seen only by the secretariat and the owning delegation; everyone else sees the
# latest published revision. Replaced and removed files are kept for the secretariat alone.
def owns_document(*, user: AnyUser, document: Document) -> bool:
    """The delegation the document belongs to; the filer of a document filed by no delegation."""
    if not user.is_authenticated:
        return False
    if not document.owner_state_id and not document.owner_organization_id:
        # A previewed viewer (never saved) owns nothing, not even a document nobody filed.
        return user.pk is not None and document.submitted_by_id == user.pk
    states, organizations = _party_ids(user)
    return document.owner_state_id in states or document.owner_organization_id in organizations


def can_see_draft_revision(*, user: AnyUser, document: Document) -> bool:
    return is_secretariat(user) or owns_document(user=user, document=document)


def can_see_file(*, user: AnyUser, document: Document, file) -> bool:
    """In Python, over prefetched rows; visible_files_filter says the same for a query."""
    if file.state != file.State.CURRENT:
        return is_secretariat(user)
    if file.revision > document.revision:
        return can_see_draft_revision(user=user, document=document)
    return True


def visible_files_filter(user: AnyUser) -> Q:
    """On DocumentFile, for files of documents the user may already see."""
    if is_secretariat(user):
        return Q()
    states, organizations = _party_ids(user)
    owned = Q(pk__in=[])
    if user.is_authenticated and user.pk is not None:  # a previewed viewer filed nothing
        owned = Q(
            document__owner_state__isnull=True,
            document__owner_organization__isnull=True,
            document__submitted_by=user,
        )
    if states or organizations:
        owned |= Q(document__owner_state_id__in=states) | Q(
            document__owner_organization_id__in=organizations
        )
    published_revision = Q(revision__lte=F("document__revision"))
    return Q(state="current") & (published_revision | owned)


def may_revise(*, user: AnyUser, document: Document) -> bool:
    """The secretariat issues revisions; a meeting summary's correction (its next revision) is
    also written by the officers, and published by the chair."""
    if document.kind == Document.Kind.SUMMARY:
        return is_secretariat(user) or is_officer(user)
    return can_manage_documents(user=user)


def can_start_revision(*, user: AnyUser, document: Document) -> bool:
    revisable = {Document.Status.PUBLISHED}
    if document.kind != Document.Kind.SUMMARY:
        revisable.add(Document.Status.REGISTERED)
    return may_revise(user=user, document=document) and document.status in revisable


def can_publish_revision(*, user: AnyUser, document: Document) -> bool:
    """A summary's correction is published with the summary (publish_summary), by the chair."""
    return (
        can_manage_documents(user=user)
        and document.status != Document.Status.WITHDRAWN
        and document.kind != Document.Kind.SUMMARY
    )


def can_remove_file(*, user: AnyUser, document: Document, file) -> bool:
    """A wrongly uploaded file: the secretariat removes it while the document (or the revision
    the file belongs to) is not yet published; the owning delegation from its own draft."""
    if file.state != file.State.CURRENT or document.status == Document.Status.WITHDRAWN:
        return False
    unpublished = document.status in {
        Document.Status.DRAFT,
        Document.Status.SUBMITTED,
        Document.Status.REGISTERED,
    }
    if is_secretariat(user) and not is_delegation_draft(document):
        return unpublished or file.revision > document.revision
    return document.status == Document.Status.DRAFT and can_edit_document(
        user=user, document=document
    )


def documents_at_access_level(access: str) -> Q:
    """What a record package for one access level may hold, whoever downloads it: published and
    not withdrawn, public (and members-only at the members' level). Restricted documents and
    every earlier state stay out, so one built package serves everyone of that level."""
    levels = [Document.Access.PUBLIC]
    if access == "members":
        levels.append(Document.Access.MEMBERS)
    return Q(status=Document.Status.PUBLISHED, access__in=levels)
