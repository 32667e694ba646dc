"""Which saves of meetings change which public pages (see cwg/pagecache.py)."""

from cwg.pagecache import HOME_SCOPE, invalidate_when_saved
from meetings.models import AgendaItem, Meeting, Participant


def meeting_scope(number: int) -> str:
    """The meeting's page and its list of documents."""
    return f"meeting:{number}"


def connect() -> None:
    invalidate_when_saved(
        Meeting,
        scopes=lambda meeting: [HOME_SCOPE, meeting_scope(meeting.number)],
        uid="meetings.meeting",
    )
    for model in (AgendaItem, Participant):  # the agenda, the attendance counts
        invalidate_when_saved(
            model,
            scopes=lambda row: [meeting_scope(row.meeting.number)],
            uid=f"meetings.{model.__name__.lower()}",
        )
