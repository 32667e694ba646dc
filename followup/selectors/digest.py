"""The delegation digest: what is new for one person, as their page and their weekly mail show.

"This week" is the seven days up to today; "since the last meeting" starts the day after the
last meeting closed. Every list is read as the person may read it (documents and calls through
their apps' visible_to), so the digest never names what its reader may not open.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.db.models import Q
from django.utils import timezone

from consultations.models import ConsultationCall
from cwg.models import Delegation
from documents.models import Document
from followup.models import Action
from meetings.models import Meeting

WEEK = dt.timedelta(days=7)


@dataclass
class DigestCall:
    call: ConsultationCall
    days_left: int
    opened_this_week: bool


@dataclass
class DigestAction:
    action: Action
    days_left: int  # negative: overdue by that many days

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    @property
    def days_overdue(self) -> int:
        return -self.days_left


@dataclass
class Digest:
    today: dt.date
    coming_meeting: Meeting | None
    since: dt.date | None  # the day after the last meeting
    documents: list[Document] = field(default_factory=list)
    documents_this_week: list[Document] = field(default_factory=list)
    calls: list[DigestCall] = field(default_factory=list)
    actions: list[DigestAction] = field(default_factory=list)

    @property
    def has_news(self) -> bool:
        """What makes a mail worth sending: anything of this week, or an action due or late."""
        return bool(
            self.documents_this_week
            or any(c.opened_this_week or c.days_left <= 7 for c in self.calls)
            or any(a.days_left <= 7 for a in self.actions)
        )


def _day_start(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def delegation_actions(user: User):
    """Open actions the person's delegation owes: theirs, or a fellow delegate's."""
    parties = Delegation.objects.filter(user=user)
    fellows = Delegation.objects.filter(
        Q(member_state__in=parties.exclude(member_state=None).values("member_state"))
        | Q(organization__in=parties.exclude(organization=None).values("organization"))
    ).values("user")
    return Action.objects.still_open().filter(
        Q(pk__in=Action.objects.owned_by(user)) | Q(owner_user__in=fellows)
    )


def _documents(user: User, meeting: Meeting | None, since: dt.date | None) -> list[Document]:
    if meeting is None:
        return []
    documents = Document.objects.visible_to(user).filter(
        meeting=meeting, status__in=[Document.Status.REGISTERED, Document.Status.PUBLISHED]
    )
    if since is not None:
        start = _day_start(since)
        documents = documents.filter(Q(registered_at__gte=start) | Q(published_at__gte=start))
    return list(documents.select_related("meeting__working_group").order_by("kind", "number"))


def _was_new_on_or_after(document: Document, start: dt.datetime) -> bool:
    return any(
        moment and moment >= start for moment in (document.registered_at, document.published_at)
    )


def delegation_digest(*, user: User, today: dt.date) -> Digest:
    coming = Meeting.objects.filter(start_date__gte=today).order_by("start_date").first()
    last = Meeting.objects.filter(end_date__lt=today).order_by("-end_date").first()
    since = last.end_date + dt.timedelta(days=1) if last else None
    digest = Digest(today=today, coming_meeting=coming, since=since)
    digest.documents = _documents(user, coming, since)
    week_start = _day_start(today - WEEK + dt.timedelta(days=1))
    digest.documents_this_week = [
        d for d in digest.documents if _was_new_on_or_after(d, week_start)
    ]
    now = timezone.now()
    calls = ConsultationCall.objects.visible_to(user).filter(
        status=ConsultationCall.Status.OPEN, opens_at__lte=now, closes_at__gt=now
    )
    digest.calls = [
        DigestCall(
            call=call,
            days_left=(timezone.localdate(call.closes_at) - today).days,
            opened_this_week=call.opens_at >= week_start,
        )
        for call in calls.order_by("closes_at")
    ]
    actions = delegation_actions(user).select_related("meeting__working_group")
    digest.actions = [
        DigestAction(action=a, days_left=(a.due_date - today).days)
        for a in actions.order_by("due_date", "pk")
    ]
    return digest
