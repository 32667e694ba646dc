"""Which saves of consultations change which public pages (see cwg/pagecache.py).

Inputs reach a public page only once published: received, accepted and rejected inputs leave
the cached pages alone; publishing, and withdrawing what may have been published, refresh them.
"""

from consultations.models import ConsultationCall, Question, Submission
from cwg.pagecache import OPEN_DATA_SCOPE, invalidate_when_saved

SEEN_BY_THE_PUBLIC = {Submission.Status.PUBLISHED, Submission.Status.WITHDRAWN}


def call_scope(code: str) -> str:
    """The call's published inputs."""
    return f"call:{code}"


def connect() -> None:
    invalidate_when_saved(
        ConsultationCall,
        scopes=lambda call: [OPEN_DATA_SCOPE, call_scope(call.code)],
        uid="consultations.call",
        unseen_fields=["last_number"],  # counted at every new input
    )
    invalidate_when_saved(
        Question,
        scopes=lambda question: [call_scope(question.call.code)],
        uid="consultations.question",
    )
    invalidate_when_saved(
        Submission,
        scopes=lambda submission: (
            [call_scope(submission.call.code)] if submission.status in SEEN_BY_THE_PUBLIC else []
        ),
        uid="consultations.submission",
    )
