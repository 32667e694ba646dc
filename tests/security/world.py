"""The objects the matrix requests, and the canaries each role must never see.

One object per access level and workflow state, whose title carries a canary string naming it.
Apps add their objects here as they land.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.utils import timezone

from documents.models import Document
from documents.services import (
    add_file,
    create_document,
    create_summary,
    publish_document,
    publish_revision,
    register_document,
    start_revision,
    submit_document,
    update_summary,
    withdraw_document,
)
from tests.documents.factories import docx_upload
from tests.meetings.factories import AgendaItemFactory, MeetingFactory
from tests.roles import ROLE_NAMES, People

MEMBERS = set(ROLE_NAMES) - {"public"}
OFFICERS_AND_STAFF = {"vice_chair", "chair", "secretariat", "superuser"}
OWNER_AND_STAFF = {"delegate", "secretariat", "superuser"}
# A delegation's draft: nobody else sees it, the secretariat included. The superuser is here only
# because Django's admin shows a superuser every row in its choice lists (followup's admin forms
# name documents); the superuser's pages, search and API are checked by the matrix rows.
OWNER = {"delegate", "superuser"}
STAFF = {"secretariat", "superuser"}
PARTICIPANTS_CSV = (
    "name,member_state,organization,role,attendance\nCANARY-PARTICIPANT,EG,,delegate,remote\n"
)


@dataclass
class World:
    people: People
    meeting: object
    documents: dict[str, Document] = field(default_factory=dict)
    call: object = None
    own_token: str = ""
    own_attachment: object = None
    hidden_attachment: object = None
    hidden_reference: str = ""
    draft_call: object = None
    action: object = None
    gap_analysis: object = None
    calendar_token: str = ""
    files: dict[str, object] = field(default_factory=dict)
    # canary text -> the roles that may see it
    canaries: dict[str, set[str]] = field(default_factory=dict)

    def viewed_by(self, role: str) -> None:
        """Tokens are keys: each role requests with its own (the public has none)."""
        from meetings.services.calendar import calendar_token_for

        user = self.people[role]
        self.calendar_token = (
            calendar_token_for(user=user).token if user.is_authenticated else "no-such-token"
        )

    def leaks_in(self, response, *, role: str, where: str) -> list[str]:
        body = b"".join(response) if response.streaming else response.content
        text = body.decode("utf-8", errors="replace")
        return [
            f"{where}: {role} sees {canary}"
            for canary, allowed in self.canaries.items()
            if role not in allowed and canary in text
        ]


def _document(world: World, *, key: str, state: str, access: str, seen_by: set[str]) -> None:
    people = world.people
    title = f"CANARY-{key.upper()}"
    document = create_document(
        meeting=world.meeting, title=title, by=people["delegate"], access=access
    )
    add_file(
        document=document, upload=docx_upload(f"{title} text"), language="en", by=people["delegate"]
    )
    if access == Document.Access.RESTRICTED:
        document.restricted_to.set([Group.objects.get(name="Officers")])
    if state in {"submitted", "registered", "published"}:
        submit_document(document=document, by=people["delegate"])
    if state in {"registered", "published"}:
        register_document(document=document, by=people["secretariat"])
    if state == "published":
        publish_document(document=document, by=people["secretariat"])
    if state == "withdrawn":
        withdraw_document(document=document, by=people["delegate"], reason="CANARY-REASON")
    if state == "published-withdrawn":
        submit_document(document=document, by=people["delegate"])
        register_document(document=document, by=people["secretariat"])
        publish_document(document=document, by=people["secretariat"])
        withdraw_document(
            document=document, by=people["secretariat"], reason="CANARY-STATED-GROUNDS"
        )
    world.documents[key] = document
    world.canaries[title] = seen_by


def build_world(people: People) -> World:
    opens = timezone.localdate() + dt.timedelta(days=30)  # contributions are on time
    meeting = MeetingFactory(
        working_group=people.working_group, number=44, start_date=opens, end_date=opens
    )
    AgendaItemFactory(meeting=meeting, title="Agenda item visible to everyone")
    world = World(people=people, meeting=meeting)
    everyone = set(ROLE_NAMES)
    _document(world, key="public", state="published", access="public", seen_by=everyone)
    _document(world, key="members", state="published", access="members", seen_by=MEMBERS)
    _document(
        world,
        key="restricted",
        state="published",
        access="restricted",
        seen_by=OFFICERS_AND_STAFF | {"delegate"},
    )
    _document(world, key="draft", state="draft", access="public", seen_by=OWNER)
    # Withdrawn in the open: its symbol, title and reason stay listed for those who saw it.
    _document(
        world,
        key="open_withdrawal",
        state="published-withdrawn",
        access="public",
        seen_by=everyone,
    )
    world.canaries["CANARY-STATED-GROUNDS"] = everyone
    _document(world, key="submitted", state="submitted", access="public", seen_by=OWNER_AND_STAFF)
    _document(
        world,
        key="registered",
        state="registered",
        access="public",
        seen_by=OWNER_AND_STAFF | OFFICERS_AND_STAFF,
    )
    _document(world, key="withdrawn", state="withdrawn", access="public", seen_by=OWNER_AND_STAFF)
    _revised(world)
    _cosponsored(world)
    _retitled(world)
    _redrafted(world)
    summary = create_summary(
        meeting=meeting, title="CANARY-SUMMARY-DRAFT", language="en", by=people["secretariat"]
    )
    update_summary(
        document=summary,
        title="CANARY-SUMMARY-DRAFT",
        blocks=[{"kind": "paragraph", "text": "CANARY-SUMMARY-TEXT"}],
        by=people["secretariat"],
    )
    world.documents["summary"] = summary
    world.canaries["CANARY-SUMMARY-DRAFT"] = OFFICERS_AND_STAFF
    world.canaries["CANARY-SUMMARY-TEXT"] = OFFICERS_AND_STAFF
    world.canaries["CANARY-REASON"] = OWNER_AND_STAFF
    _consultation(world)
    _follow_up(world)
    return world


def _revised(world: World) -> None:
    """A registered document with Rev.0 and Rev.1 in English: what the compare pages read."""
    _document(
        world,
        key="revised",
        state="registered",
        access="public",
        seen_by=OWNER_AND_STAFF | OFFICERS_AND_STAFF,
    )
    document, secretariat = world.documents["revised"], world.people["secretariat"]
    start_revision(document=document, by=secretariat)
    add_file(
        document=document,
        upload=docx_upload("CANARY-REVISED text, revised"),
        language="en",
        by=secretariat,
    )


def _redrafted(world: World) -> None:
    """A published document with Rev.1 published (its first English file replaced) and Rev.2
    a draft revision: the draft's file, and the replaced file, are canaries."""
    _document(world, key="redrafted", state="published", access="public", seen_by=set(ROLE_NAMES))
    document, secretariat = world.documents["redrafted"], world.people["secretariat"]
    start_revision(document=document, by=secretariat)
    world.files["replaced"] = add_file(
        document=document,
        upload=docx_upload("Rev.1 first try", name="CANARY-REPLACED.docx"),
        language="en",
        by=secretariat,
    )
    add_file(
        document=document,
        upload=docx_upload("Rev.1 text", name="rev1.docx"),
        language="en",
        by=secretariat,
        replace=True,
    )
    publish_revision(document=document, by=secretariat)
    start_revision(document=document, by=secretariat)
    world.files["draft_revision"] = add_file(
        document=document,
        upload=docx_upload("CANARY-UNPUBLISHED-REV-TEXT", name="CANARY-UNPUBLISHED-REV.docx"),
        language="en",
        by=secretariat,
    )
    world.canaries["CANARY-REPLACED"] = {"secretariat", "superuser"}
    world.canaries["CANARY-UNPUBLISHED-REV"] = OWNER_AND_STAFF


def _cosponsored(world: World) -> None:
    """Sweden's contributions co-sponsored by Egypt: Egypt's delegates see the submitted one, not
    the draft (a co-sponsor sees a document from its submission)."""
    from cwg.models import MemberState
    from documents.services import create_contribution

    sweden, egypt = world.people["other_delegate"], MemberState.objects.get(iso_code="EG")
    for key, submit in [("cosponsored", True), ("cosponsored_draft", False)]:
        title = f"CANARY-{key.upper()}"
        world.documents[key] = create_contribution(
            meeting=world.meeting,
            by=sweden,
            title=title,
            cosponsors=[egypt],
            file=docx_upload(f"{title} text"),
            language="en",
            submit=submit,
        )
    world.canaries["CANARY-COSPONSORED"] = {"delegate", "other_delegate"} | STAFF
    world.canaries["CANARY-COSPONSORED_DRAFT"] = {"other_delegate", "superuser"}


def _retitled(world: World) -> None:
    """Published, after its draft title and access were changed: its public history starts at
    registration, so the draft's title stays with the delegation and the secretariat."""
    from documents.services import update_document

    people = world.people
    document = create_document(
        meeting=world.meeting, title="CANARY-FIRST-TITLE", by=people["delegate"], access="members"
    )
    add_file(document=document, upload=docx_upload("text"), language="en", by=people["delegate"])
    update_document(
        document=document, by=people["delegate"], title="Redrafted for publication", access="public"
    )
    submit_document(document=document, by=people["delegate"])
    register_document(document=document, by=people["secretariat"])
    publish_document(document=document, by=people["secretariat"])
    world.documents["retitled"] = document
    world.canaries["CANARY-FIRST-TITLE"] = {"delegate"} | STAFF


def _follow_up(world: World) -> None:
    """An action owned by the Egypt delegate, a participant, and the chair's calendar link."""
    from followup.services.actions import add_action_update, create_action
    from meetings.services.calendar import calendar_token_for
    from meetings.services.participants import import_participants

    people = world.people
    action = create_action(
        meeting=world.meeting,
        title="CANARY-ACTION",
        by=people["secretariat"],
        due_date=timezone.localdate() - dt.timedelta(days=1),
        owner_user=people["delegate"],
    )
    add_action_update(action=action, text="CANARY-ACTION-UPDATE", by=people["delegate"])
    import_participants(
        meeting=world.meeting,
        by=people["secretariat"],
        csv_text=PARTICIPANTS_CSV,
    )
    from followup.models import GapAnalysis

    world.gap_analysis = GapAnalysis.objects.create(action=action, title="CANARY-GAP-ANALYSIS")
    world.action = action
    _document_links(world)
    world.calendar_token = calendar_token_for(user=people["chair"]).token
    followers = {"vice_chair", "chair", "secretariat", "superuser", "delegate"}
    world.canaries["CANARY-ACTION"] = followers
    world.canaries["CANARY-ACTION-UPDATE"] = followers
    world.canaries["CANARY-GAP-ANALYSIS"] = followers
    world.canaries["CANARY-PARTICIPANT"] = {"vice_chair", "chair", "secretariat", "superuser"}


def _document_links(world: World) -> None:
    """The action and a gap item point at documents some of their readers may not open.

    Sweden's registered contribution is not Egypt's to read, though Egypt owns the action; the
    delegations-only document is not the officers', though they read the gap matrix.
    """
    from cwg.models import Resolution
    from followup.services.gap_items import edit_gap_item
    from followup.services.gaps import import_gap_items_csv
    from followup.services.links import link_document_to_action

    people, secretariat = world.people, world.people["secretariat"]
    sweden = create_document(
        meeting=world.meeting, title="CANARY-LINKED", by=people["other_delegate"]
    )
    add_file(
        document=sweden, upload=docx_upload("text"), language="en", by=people["other_delegate"]
    )
    submit_document(document=sweden, by=people["other_delegate"])
    register_document(document=sweden, by=secretariat)
    delegations = create_document(
        meeting=world.meeting,
        title="CANARY-ANSWER",
        by=people["other_delegate"],
        access="restricted",
    )
    add_file(
        document=delegations, upload=docx_upload("text"), language="en", by=people["other_delegate"]
    )
    delegations.restricted_to.set([Group.objects.get(name="Delegates")])
    submit_document(document=delegations, by=people["other_delegate"])
    register_document(document=delegations, by=secretariat)
    publish_document(document=delegations, by=secretariat)
    for document in [sweden, world.documents["public"], world.documents["registered"]]:
        link_document_to_action(action=world.action, document=document, by=secretariat)
    Resolution.objects.get_or_create(
        kind=Resolution.Kind.UN_GENERAL_ASSEMBLY,
        number="A/RES/80/173",
        defaults={"title": "WSIS+20"},
    )
    import_gap_items_csv(
        analysis=world.gap_analysis,
        csv_text="source,paragraph,requirement,mandates,coverage,proposed_response\n"
        "A/RES/80/173,para. 1,CANARY-GAP-ITEM,,gap,\n",
        by=secretariat,
    )
    edit_gap_item(
        item=world.gap_analysis.items.get(),
        by=secretariat,
        requirement="CANARY-GAP-ITEM",
        coverage="gap",
        mandates="",
        status="open",
        answered_by_action=world.action,
        answered_by_document=delegations,
    )
    world.canaries["CANARY-LINKED"] = {"other_delegate"} | OFFICERS_AND_STAFF
    world.canaries["CANARY-ANSWER"] = {"delegate", "other_delegate", "sector_member"} | {
        "secretariat",
        "superuser",
    }
    world.canaries["CANARY-GAP-ITEM"] = OFFICERS_AND_STAFF


def _consultation(world: World) -> None:
    """A public call with a published input, unpublished ones, and one whose link we hold."""
    from consultations import services as consultations
    from tests.consultations.factories import CallFactory, QuestionFactory

    secretariat = world.people["secretariat"]
    call = CallFactory(working_group=world.people.working_group, code="PUB")
    question = QuestionFactory(call=call)

    def submit(text: str, consent: bool = True, file_name: str = ""):
        return consultations.submit_input(
            call=call,
            by=world.people["public"],
            name=f"{text} author",
            email="author@example.invalid",
            stakeholder_type="civil_society",
            answers={question.pk: text},
            consent_to_publish=consent,
            attachments=[docx_upload(text, name=file_name)] if file_name else [],
        )

    published = submit("CANARY-INPUT-PUBLISHED", file_name="published-input.docx")
    consultations.accept_submissions(ids=[published.pk], by=secretariat)
    consultations.publish_submissions(ids=[published.pk], by=secretariat)
    received = submit("CANARY-INPUT-RECEIVED", file_name="CANARY-ATTACHMENT-RECEIVED.docx")
    accepted = submit("CANARY-INPUT-NO-CONSENT", consent=False)
    consultations.accept_submissions(ids=[accepted.pk], by=secretariat)
    own = submit("The author's own words", file_name="own-input.docx")
    world.call = call
    world.own_token = consultations.withdraw_link_token(submission=own)
    world.own_attachment = own.attachments.get()
    world.hidden_attachment = received.attachments.get()
    world.hidden_reference = received.reference
    world.draft_call = CallFactory(
        working_group=world.people.working_group,
        code="DRAFT",
        status="draft",
        title={"en": "CANARY-CALL-UNOPENED"},
    )
    QuestionFactory(call=world.draft_call, text={"en": "CANARY-QUESTION-UNOPENED"})
    moderators = {"vice_chair", "chair", "secretariat", "superuser"}
    world.canaries["CANARY-INPUT-PUBLISHED"] = set(ROLE_NAMES)
    world.canaries["CANARY-INPUT-RECEIVED"] = moderators
    world.canaries["CANARY-INPUT-NO-CONSENT"] = moderators
    world.canaries["CANARY-ATTACHMENT-RECEIVED"] = moderators
    world.canaries["CANARY-CALL-UNOPENED"] = moderators
    world.canaries["CANARY-QUESTION-UNOPENED"] = moderators
