"""The permission matrix: for every URL, what each role gets. One row a URL name.

Outcomes: OK (200), LOGIN (302 to a sign-in page), FORBIDDEN (403), NOT_FOUND (404),
METHOD (405), REDIRECT (302 elsewhere). A URL missing from this table fails the matrix test,
so a new page cannot skip it. Admin URLs follow one rule (ADMIN_RULE) because there are many.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse

from tests.roles import ROLE_NAMES

OK, LOGIN, FORBIDDEN, NOT_FOUND, METHOD, REDIRECT = 200, "login", 403, 404, 405, "redirect"
STAFF = {"secretariat", "superuser"}


def everyone(outcome) -> dict[str, object]:
    return dict.fromkeys(ROLE_NAMES, outcome)


def only(roles: set[str], allowed, refused) -> dict[str, object]:
    return {role: allowed if role in roles else refused for role in ROLE_NAMES}


@dataclass(frozen=True)
class Row:
    url: Callable[[object], str]  # world -> path
    expect: dict[str, object]  # role -> outcome
    method: str = "get"

    def outcome_for(self, role: str, path: str) -> object:
        """A page refused to an anonymous visitor sends them to sign in and back
        (cwg.views.permission_denied); the API answers 403 as declared."""
        outcome = self.expect[role]
        page = not path.startswith("/api/")
        if role == "public" and outcome == FORBIDDEN and page and self.method == "get":
            return LOGIN
        return outcome


MATRIX: dict[str, Row] = {
    "cwg:home": Row(lambda world: reverse("cwg:home"), everyone(OK)),
    "cwg:healthz": Row(lambda world: reverse("cwg:healthz"), everyone(OK)),
    "cwg:open_data": Row(lambda world: reverse("cwg:open_data"), everyone(OK)),
    "cwg:accessibility": Row(lambda world: reverse("cwg:accessibility"), everyone(OK)),
    "cwg:privacy": Row(lambda world: reverse("cwg:privacy"), everyone(OK)),
    "cwg:favicon": Row(lambda world: reverse("cwg:favicon"), everyone(REDIRECT)),
    "meetings:detail": Row(
        lambda world: reverse("meetings:detail", kwargs={"number": world.meeting.number}),
        everyone(OK),
    ),
    "login": Row(lambda world: reverse("login"), everyone(OK)),
    "logout": Row(lambda world: reverse("logout"), everyone(METHOD)),
    "set_language": Row(lambda world: reverse("set_language"), everyone(REDIRECT)),
    "cwg:switch_language": Row(
        lambda world: reverse("cwg:switch_language", args=["ar"]) + "?next=/", everyone(REDIRECT)
    ),
    "api-schema": Row(lambda world: reverse("api-schema"), everyone(OK)),
    "api-docs": Row(lambda world: reverse("api-docs"), everyone(OK)),
    # Every canary's text holds the word "canary": search must return only the role's own.
    "search:page": Row(lambda world: reverse("search:page") + "?q=canary", everyone(OK)),
    "search-api": Row(lambda world: reverse("search-api") + "?q=canary", everyone(OK)),
}


def document_url(name: str, key: str = "draft"):
    return lambda world: reverse(name, args=[world.documents[key].pk])


def first_file_url(key: str):
    return lambda world: reverse(
        "documents:download", args=[world.documents[key].files.order_by("pk").first().pk]
    )


def symbol_of(document) -> str:
    document.refresh_from_db()
    return document.symbol


def file_url(key: str):
    return lambda world: reverse("documents:download", args=[world.files[key].pk])


def compare_url(name: str, query: str):
    return lambda world: reverse(name, args=[world.documents["redrafted"].pk]) + query


def meeting_url(name: str):
    return lambda world: reverse(name, args=[world.meeting.number])


DELEGATIONS = {"delegate", "other_delegate", "sector_member"}
OWNER = {"delegate"}
OFFICERS = {"vice_chair", "chair"}
SIGNED_IN = set(ROLE_NAMES) - {"public"}


def signed_in(allowed: set[str], refused=FORBIDDEN) -> dict[str, object]:
    """Anonymous visitors are sent to sign in; signed-in people get allowed or refused."""
    return {
        role: LOGIN if role == "public" else (OK if role in allowed else refused)
        for role in ROLE_NAMES
    }


def visible_to(allowed: set[str]) -> dict[str, object]:
    """A page of one object: those who may not see it are told it does not exist."""
    return only(allowed, OK, NOT_FOUND)


MATRIX |= {
    "documents:meeting_list": Row(meeting_url("documents:meeting_list"), everyone(OK)),
    # The list as CSV holds what the reader may see (canaries checked) and its descriptor.
    "documents:meeting_csv": Row(meeting_url("documents:meeting_csv"), everyone(OK)),
    "documents:meeting_datapackage": Row(
        meeting_url("documents:meeting_datapackage"), everyone(OK)
    ),
    # The six-language matrix: everyone reads it (their own documents and files only, the
    # canaries check it), its CSV and descriptor; its actions are POST only.
    "documents:translations": Row(meeting_url("documents:translations"), everyone(OK)),
    "documents:translations_csv": Row(meeting_url("documents:translations_csv"), everyone(OK)),
    "documents:translations_datapackage": Row(
        meeting_url("documents:translations_datapackage"), everyone(OK)
    ),
    **{
        f"documents:{name}": Row(meeting_url(f"documents:{name}"), everyone(METHOD))
        for name in ["translations_request", "translations_move", "translations_deliver"]
    },
    "documents:create": Row(
        meeting_url("documents:create"), signed_in(DELEGATIONS | OFFICERS | STAFF)
    ),
    "documents:summary_new": Row(meeting_url("documents:summary_new"), signed_in(OFFICERS | STAFF)),
    "documents:queue": Row(lambda world: reverse("documents:queue"), signed_in(STAFF)),
    # A delegation's draft is its own: the secretariat is told it does not exist either.
    "documents:detail": Row(document_url("documents:detail"), visible_to(OWNER)),
    "documents:edit": Row(document_url("documents:edit"), signed_in(OWNER, refused=NOT_FOUND)),
    "documents:add_file": Row(
        document_url("documents:add_file"), signed_in(OWNER, refused=NOT_FOUND)
    ),
    "documents:history": Row(document_url("documents:history"), visible_to(OWNER)),
    "documents:download": Row(first_file_url("draft"), visible_to(OWNER)),
    "documents:summary_edit": Row(
        document_url("documents:summary_edit", "summary"),
        signed_in(OFFICERS | STAFF, refused=NOT_FOUND),
    ),
    # State changes are POST only; a GET is refused for everyone (their rules: services' tests).
    **{
        f"documents:{action}": Row(document_url(f"documents:{action}"), everyone(METHOD))
        for action in [
            "submit",
            "register",
            "approve_late",
            "publish",
            "revise",
            "publish_revision",
            "withdraw",
            "summary_publish",
        ]
    },
    # Comparing revisions: whoever may open both revisions, through the download's selector.
    "documents:compare": Row(
        document_url("documents:compare", "revised"), visible_to(OWNER | OFFICERS | STAFF)
    ),
    # Rev.1 of "revised" is a draft revision: officers see the registered document, not Rev.1.
    "documents:compare_docx": Row(
        lambda world: (
            reverse("documents:compare_docx", args=[world.documents["revised"].pk])
            + "?language=en&from=0&to=1"
        ),
        visible_to(OWNER | STAFF),
    ),
    "documents:remove_file": Row(
        lambda world: reverse("documents:remove_file", args=[world.files["draft_revision"].pk]),
        everyone(METHOD),
    ),
    "documents:by_symbol": Row(
        lambda world: reverse("documents:by_symbol", args=[symbol_of(world.documents["public"])]),
        everyone(REDIRECT),
    ),
    "documents:restore": Row(
        lambda world: reverse("documents:restore", args=[world.documents["draft"].pk, 1]),
        everyone(METHOD),
    ),
    # Sweden's contribution co-sponsored by Egypt: only Egypt's delegates answer; those who see
    # it but are not the co-sponsor are refused, the others are told it does not exist.
    "documents:cosponsorship": Row(
        document_url("documents:cosponsorship", "cosponsored"),
        {
            **signed_in({"delegate"}, refused=NOT_FOUND),
            "other_delegate": FORBIDDEN,
            "secretariat": FORBIDDEN,
            "superuser": FORBIDDEN,
        },
    ),
    "documents:correct": Row(document_url("documents:correct", "public"), signed_in(STAFF)),
    "documents:titles": Row(document_url("documents:titles", "public"), signed_in(STAFF)),
    "documents:preview": Row(document_url("documents:preview", "public"), signed_in(STAFF)),
}

MATRIX |= {
    "meeting-list": Row(lambda world: reverse("meeting-list"), everyone(OK)),
    "meeting-detail": Row(
        lambda world: reverse("meeting-detail", args=[world.meeting.number]), everyone(OK)
    ),
    "document-list": Row(lambda world: reverse("document-list"), everyone(OK)),
    "document-detail": Row(document_url("document-detail"), visible_to(OWNER)),
    "document-files": Row(document_url("document-files"), visible_to(OWNER)),
    "document-compare": Row(document_url("document-compare", "revised"), visible_to(OWNER | STAFF)),
}


def call_url(name: str, **extra):
    return lambda world: reverse(name, kwargs={"code": world.call.code, **extra})


MODERATORS = OFFICERS | STAFF
MATRIX |= {
    "consultations:list": Row(lambda world: reverse("consultations:list"), everyone(OK)),
    "consultations:detail": Row(call_url("consultations:detail"), everyone(OK)),
    "consultations:submit": Row(call_url("consultations:submit"), everyone(OK)),
    "consultations:published": Row(call_url("consultations:published"), everyone(OK)),
    "consultations:statistics": Row(call_url("consultations:statistics"), everyone(OK)),
    # Opening, closing and archiving are POST only; a GET finds nothing.
    "consultations:change": Row(
        call_url("consultations:change", action="close"), everyone(NOT_FOUND)
    ),
    "consultations:register_compilation": Row(
        call_url("consultations:register_compilation"), everyone(METHOD)
    ),
    "consultations:moderation": Row(
        call_url("consultations:moderation"), only(MODERATORS, OK, FORBIDDEN)
    ),
    "consultations:moderation_input": Row(
        lambda world: reverse(
            "consultations:moderation_input",
            kwargs={"code": world.call.code, "reference": world.hidden_reference},
        ),
        only(MODERATORS, OK, FORBIDDEN),
    ),
    "consultations:export_csv": Row(
        call_url("consultations:export_csv"), only(MODERATORS, OK, FORBIDDEN)
    ),
    "consultations:export_xlsx": Row(
        call_url("consultations:export_xlsx"), only(MODERATORS, OK, FORBIDDEN)
    ),
    "consultations:export_json": Row(
        call_url("consultations:export_json"), only(MODERATORS, OK, FORBIDDEN)
    ),
    # Open data: the published inputs and their descriptor, for whoever sees the call.
    "consultations:published_csv": Row(call_url("consultations:published_csv"), everyone(OK)),
    "consultations:datapackage": Row(call_url("consultations:datapackage"), everyone(OK)),
    "consultations:statistics_csv": Row(call_url("consultations:statistics_csv"), everyone(OK)),
    "consultations:statistics_datapackage": Row(
        call_url("consultations:statistics_datapackage"), everyone(OK)
    ),
    "consultations:export_docx": Row(
        call_url("consultations:export_docx"), only(MODERATORS, OK, FORBIDDEN)
    ),
    # The private link is the author's key: whoever holds it sees that one input, nothing else.
    "consultations:received": Row(
        lambda world: reverse(
            "consultations:received", kwargs={"code": world.call.code, "token": world.own_token}
        ),
        everyone(OK),
    ),
    "consultations:own": Row(
        lambda world: reverse("consultations:own", kwargs={"token": world.own_token}), everyone(OK)
    ),
    "consultations:own_attachment": Row(
        lambda world: reverse(
            "consultations:own_attachment",
            kwargs={"token": world.own_token, "pk": world.own_attachment.pk},
        ),
        everyone(OK),
    ),
    # A file of an input still waiting for moderation: it does not exist for anyone else.
    "consultations:attachment": Row(
        lambda world: reverse(
            "consultations:attachment",
            kwargs={"code": world.call.code, "pk": world.hidden_attachment.pk},
        ),
        visible_to(MODERATORS),
    ),
    # Writing calls: the secretariat's pages; everyone else is refused (drafts are moderators').
    "consultations:call_new": Row(
        lambda world: reverse("consultations:call_new"), only(STAFF, OK, FORBIDDEN)
    ),
    "consultations:call_edit": Row(
        lambda world: reverse("consultations:call_edit", args=[world.draft_call.code]),
        only(STAFF, OK, FORBIDDEN),
    ),
    "consultations:call_preview": Row(
        lambda world: reverse("consultations:call_preview", args=[world.draft_call.code]),
        only(STAFF, OK, FORBIDDEN),
    ),
    "consultations:question_new": Row(
        lambda world: reverse("consultations:question_new", args=[world.draft_call.code]),
        only(STAFF, OK, FORBIDDEN),
    ),
    "consultations:question_edit": Row(
        lambda world: reverse(
            "consultations:question_edit",
            args=[world.draft_call.code, world.draft_call.questions.get().pk],
        ),
        only(STAFF, OK, FORBIDDEN),
    ),
    "consultations:question_remove": Row(
        lambda world: reverse(
            "consultations:question_remove",
            args=[world.draft_call.code, world.draft_call.questions.get().pk],
        ),
        everyone(METHOD),
    ),
    "consultations-api-list": Row(lambda world: reverse("consultations-api-list"), everyone(OK)),
    "consultations-api-detail": Row(
        lambda world: reverse("consultations-api-detail", args=[world.call.pk]), everyone(OK)
    ),
    "consultations-api-submissions": Row(
        lambda world: reverse("consultations-api-submissions", args=[world.call.pk]),
        {role: OK if role in MODERATORS else (FORBIDDEN) for role in ROLE_NAMES},
    ),
}

FOLLOWERS = OFFICERS | STAFF
MATRIX |= {
    # Follow-up pages answer the public 403/404 rather than asking it to sign in.
    "meetings:participants": Row(
        meeting_url("meetings:participants"), only(FOLLOWERS, OK, FORBIDDEN)
    ),
    "meetings:participant_import": Row(
        meeting_url("meetings:participant_import"), only(STAFF, OK, FORBIDDEN)
    ),
    "followup:action_dashboard": Row(
        lambda world: reverse("followup:action_dashboard"), only(FOLLOWERS, OK, FORBIDDEN)
    ),
    "followup:my_actions": Row(
        lambda world: reverse("followup:my_actions"),
        signed_in(SIGNED_IN),
    ),
    "followup:action": Row(
        lambda world: reverse("followup:action", args=[world.action.pk]),
        visible_to(FOLLOWERS | OWNER),
    ),
    "followup:action_transition": Row(
        lambda world: reverse("followup:action_transition", args=[world.action.pk, "start"]),
        everyone(METHOD),
    ),
    "followup:action_create": Row(
        lambda world: reverse("followup:action_create"), only(STAFF, OK, FORBIDDEN)
    ),
    # Those who see the action but may not edit it are refused; the rest are told it is not there.
    "followup:action_edit": Row(
        lambda world: reverse("followup:action_edit", args=[world.action.pk]),
        {
            role: OK if role in STAFF else FORBIDDEN if role in FOLLOWERS | OWNER else NOT_FOUND
            for role in ROLE_NAMES
        },
    ),
    # Linking, unlinking and starting a gap analysis are POST only (rules: the services' tests).
    "followup:action_link_document": Row(
        lambda world: reverse("followup:action_link_document", args=[world.action.pk]),
        everyone(METHOD),
    ),
    "followup:action_unlink_document": Row(
        lambda world: reverse(
            "followup:action_unlink_document",
            args=[world.action.pk, world.action.documents.first().pk],
        ),
        everyone(METHOD),
    ),
    "followup:action_start_gap_analysis": Row(
        lambda world: reverse("followup:action_start_gap_analysis", args=[world.action.pk]),
        everyone(METHOD),
    ),
    # Each signed-in person's own digest: their delegation's actions, documents they may read.
    # The heat map counts open actions: for those who read every action.
    "followup:heat_map": Row(
        lambda world: reverse("followup:heat_map"), only(FOLLOWERS, OK, FORBIDDEN)
    ),
    "followup:heat_map_csv": Row(
        lambda world: reverse("followup:heat_map_csv"), only(FOLLOWERS, OK, FORBIDDEN)
    ),
    "followup:heat_map_datapackage": Row(
        lambda world: reverse("followup:heat_map_datapackage"), only(FOLLOWERS, OK, FORBIDDEN)
    ),
    # Every action, as the dashboard shows them, and what its columns mean.
    "followup:actions_csv": Row(
        lambda world: reverse("followup:actions_csv"), only(FOLLOWERS, OK, FORBIDDEN)
    ),
    "followup:actions_datapackage": Row(
        lambda world: reverse("followup:actions_datapackage"), only(FOLLOWERS, OK, FORBIDDEN)
    ),
    "followup:heat_map_cell": Row(
        lambda world: reverse(
            "followup:heat_map_cell", args=["C3", "meeting", world.meeting.number]
        ),
        only(FOLLOWERS, OK, FORBIDDEN),
    ),
    # The record package: everyone gets theirs (public or members'); nothing built yet here, so
    # the download sends to the page. What each package holds: tests/followup/test_record_package.
    "followup:record_package": Row(meeting_url("followup:record_package"), everyone(OK)),
    "followup:record_package_build": Row(
        meeting_url("followup:record_package_build"), everyone(METHOD)
    ),
    "followup:record_package_download": Row(
        meeting_url("followup:record_package_download"), everyone(REDIRECT)
    ),
    "my:digest": Row(lambda world: reverse("my:digest"), signed_in(SIGNED_IN)),
    "cwg:mail_language": Row(lambda world: reverse("cwg:mail_language"), signed_in(SIGNED_IN)),
    "meetings:public_calendar": Row(
        lambda world: reverse("meetings:public_calendar"), everyone(OK)
    ),
    "meetings:calendar": Row(lambda world: reverse("meetings:calendar"), everyone(OK)),
    "meetings:rotate_calendar_token": Row(
        lambda world: reverse("meetings:rotate_calendar_token"),
        {**everyone(METHOD), "public": LOGIN},
    ),
    # The private feed's token is its key: whoever holds it gets that one person's feed.
    # Whoever holds a feed's token is its owner: each role requests its own feed.
    "meetings:private_calendar": Row(
        lambda world: reverse("meetings:private_calendar", args=[world.calendar_token]),
        {**everyone(OK), "public": NOT_FOUND},
    ),
}


def action_api(name: str):
    return lambda world: reverse(name, args=[world.action.pk])


def gap_url(name: str):
    return lambda world: reverse(name, args=[world.gap_analysis.pk])


# The actions API is for signed-in people; each sees the actions it may (owners their own).
API_SIGNED_IN = {role: FORBIDDEN if role == "public" else OK for role in ROLE_NAMES}
MATRIX |= {
    "followup:gap_matrix": Row(gap_url("followup:gap_matrix"), only(FOLLOWERS, OK, FORBIDDEN)),
    "followup:gap_csv": Row(gap_url("followup:gap_csv"), only(FOLLOWERS, OK, FORBIDDEN)),
    "followup:gap_datapackage": Row(
        gap_url("followup:gap_datapackage"), only(FOLLOWERS, OK, FORBIDDEN)
    ),
    "followup:gap_docx": Row(gap_url("followup:gap_docx"), only(FOLLOWERS, OK, FORBIDDEN)),
    "followup:gap_import": Row(gap_url("followup:gap_import"), only(STAFF, OK, FORBIDDEN)),
    "followup:gap_item_edit": Row(
        lambda world: reverse(
            "followup:gap_item_edit", args=[world.gap_analysis.items.order_by("pk").first().pk]
        ),
        only(STAFF, OK, FORBIDDEN),
    ),
    "gap-analysis-list": Row(
        lambda world: reverse("gap-analysis-list"), only(FOLLOWERS, OK, FORBIDDEN)
    ),
    "gap-analysis-detail": Row(gap_url("gap-analysis-detail"), only(FOLLOWERS, OK, FORBIDDEN)),
    "action-list": Row(lambda world: reverse("action-list"), API_SIGNED_IN),
    "action-detail": Row(
        action_api("action-detail"), {**visible_to(FOLLOWERS | OWNER), "public": FORBIDDEN}
    ),
    **{
        # Steps are POST only (their rules: the services' tests); the public is refused first.
        f"action-{step}": Row(
            action_api(f"action-{step}"), {**everyone(METHOD), "public": FORBIDDEN}
        )
        for step in ["start", "complete", "progress", "cancel", "reopen"]
    },
}


def tag_url(kind: str, pk_of: Callable[[object], int]):
    return lambda world: reverse("followup:tag", args=[kind, pk_of(world)])


def hidden_input_pk(world) -> int:
    from consultations.models import Submission

    return Submission.objects.get(reference=world.hidden_reference).pk


# Only the secretariat tags; the others are refused before anything is looked up.
TAGGERS = only(STAFF, OK, FORBIDDEN)
MATRIX |= {
    "followup:tag": Row(
        tag_url("document", lambda world: world.documents["registered"].pk), TAGGERS
    ),
}
CANARY_TAG_ROWS = {
    "tagging a question": Row(
        tag_url("question", lambda world: world.call.questions.order_by("pk").first().pk), TAGGERS
    ),
    "tagging an unpublished input": Row(tag_url("input", hidden_input_pk), TAGGERS),
    # A delegation's draft is its own: the secretariat cannot reach it to tag it either.
    "tagging a delegation's draft": Row(
        tag_url("document", lambda world: world.documents["draft"].pk),
        only(STAFF, NOT_FOUND, FORBIDDEN),
    ),
}

# Reference data (the WSIS action lines and SDGs) is public.
MATRIX |= {
    "action-line-list": Row(lambda world: reverse("action-line-list"), everyone(OK)),
    "action-line-detail": Row(
        lambda world: reverse("action-line-detail", args=["C3"]), everyone(OK)
    ),
    "sdg-list": Row(lambda world: reverse("sdg-list"), everyone(OK)),
    "sdg-detail": Row(lambda world: reverse("sdg-detail", args=[4]), everyone(OK)),
}

# Admin: anyone but staff is sent to the admin sign-in; staff never meet a server error.
ADMIN_PUBLIC = {"admin:login", "admin:logout", "admin:jsi18n"}


# More requests of the same URLs, for the canaries of one state each (not one per URL name).
def secretariat_only_post(refused_input: int) -> dict[str, object]:
    """A POST only the secretariat may make: an empty one is bad input for them, refused to
    the others, and sends an anonymous visitor to sign in."""
    expect = only(STAFF, refused_input, FORBIDDEN)
    return expect | {"public": LOGIN}


CANARY_ROWS: dict[str, Row] = {
    **{
        f"an empty {name} by POST": Row(
            meeting_url(f"documents:{name}"), secretariat_only_post(status), method="post"
        )
        for name, status in [
            ("translations_request", 409),
            ("translations_move", 400),
            ("translations_deliver", 400),
        ]
    },
    "withdrawn page": Row(document_url("documents:detail", "open_withdrawal"), everyone(OK)),
    "withdrawn history": Row(document_url("documents:history", "open_withdrawal"), everyone(OK)),
    # Its files are no longer offered, except to the secretariat.
    "withdrawn download": Row(first_file_url("open_withdrawal"), visible_to(STAFF)),
    "withdrawn in the API": Row(document_url("document-detail", "open_withdrawal"), everyone(OK)),
    "a submitted document's page": Row(
        document_url("documents:detail", "submitted"), visible_to(OWNER | STAFF)
    ),
    "secretariat's queue": Row(lambda world: reverse("documents:queue"), signed_in(STAFF)),
    "the API list of meeting 44": Row(
        lambda world: reverse("document-list") + "?meeting=44", everyone(OK)
    ),
    "search by status draft": Row(
        lambda world: reverse("search:page") + "?q=canary&status=draft", everyone(OK)
    ),
    "a co-sponsored document's page": Row(
        document_url("documents:detail", "cosponsored"),
        visible_to({"delegate", "other_delegate"} | STAFF),
    ),
    "a co-sponsored document in the API": Row(
        document_url("document-detail", "cosponsored"),
        visible_to({"delegate", "other_delegate"} | STAFF),
    ),
    "a co-sponsored draft's page": Row(
        document_url("documents:detail", "cosponsored_draft"), visible_to({"other_delegate"})
    ),
    "a co-sponsored draft's download": Row(
        first_file_url("cosponsored_draft"), visible_to({"other_delegate"})
    ),
    "a retitled document's public history": Row(
        document_url("documents:history", "retitled"), everyone(OK)
    ),
    "preview of a published document as the public": Row(
        lambda world: (
            reverse("documents:preview", args=[world.documents["public"].pk]) + "?as=public"
        ),
        signed_in(STAFF),
    ),
    "search API by status draft": Row(
        lambda world: reverse("search-api") + "?q=canary&status=draft", everyone(OK)
    ),
    **CANARY_TAG_ROWS,
    # A draft revision (Rev.2 of "redrafted") and a replaced file: their canaries are file names.
    "draft revision page": Row(document_url("documents:detail", "redrafted"), everyone(OK)),
    "draft revision history": Row(document_url("documents:history", "redrafted"), everyone(OK)),
    "draft revision in the API": Row(document_url("document-detail", "redrafted"), everyone(OK)),
    "draft revision files in the API": Row(
        document_url("document-files", "redrafted"), everyone(OK)
    ),
    "draft revision download": Row(file_url("draft_revision"), visible_to(OWNER | STAFF)),
    "replaced file download": Row(file_url("replaced"), visible_to(STAFF)),
    "compare with the draft revision": Row(
        compare_url("documents:compare", "?language=en&from=1&to=2"), visible_to(OWNER | STAFF)
    ),
    "compare DOCX with the draft revision": Row(
        compare_url("documents:compare_docx", "?language=en&from=1&to=2"),
        visible_to(OWNER | STAFF),
    ),
    "compare API with the draft revision": Row(
        compare_url("document-compare", "?language=en&from=1&to=2"), visible_to(OWNER | STAFF)
    ),
    "published revisions compared": Row(
        compare_url("documents:compare", "?language=en&from=0&to=1"), everyone(OK)
    ),
    "search for the draft revision's text": Row(
        lambda world: reverse("search:page") + "?q=canary-unpublished-rev-text", everyone(OK)
    ),
}
