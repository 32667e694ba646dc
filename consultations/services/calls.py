"""Opening, closing and archiving a call: the secretariat's steps."""

import reversion
from django.db import transaction
from django.utils.translation import gettext as _

from consultations.models import ConsultationCall
from consultations.permissions import can_manage_calls
from cwg.exceptions import InvalidTransition, NotAllowed

CallStatus = ConsultationCall.Status


def _change_call(*, call, by, allowed_from: set, to: str, comment: str) -> ConsultationCall:
    if not can_manage_calls(user=by):
        raise NotAllowed(_("Only the secretariat may open, close or archive a call."))
    call = ConsultationCall.objects.select_for_update().get(pk=call.pk)
    if call.status not in allowed_from:
        raise InvalidTransition(
            _("A %(status)s call cannot become %(target)s.")
            % {"status": call.get_status_display(), "target": CallStatus(to).label}
        )
    with reversion.create_revision():
        call.status = to
        call.save(update_fields=["status"])
        reversion.set_user(by)
        reversion.set_comment(comment)
    return call


@transaction.atomic
def open_call(*, call: ConsultationCall, by) -> ConsultationCall:
    return _change_call(
        call=call, by=by, allowed_from={CallStatus.DRAFT}, to=CallStatus.OPEN, comment="Opened"
    )


@transaction.atomic
def close_call(*, call: ConsultationCall, by) -> ConsultationCall:
    return _change_call(
        call=call, by=by, allowed_from={CallStatus.OPEN}, to=CallStatus.CLOSED, comment="Closed"
    )


@transaction.atomic
def archive_call(*, call: ConsultationCall, by) -> ConsultationCall:
    return _change_call(
        call=call,
        by=by,
        allowed_from={CallStatus.CLOSED},
        to=CallStatus.ARCHIVED,
        comment="Archived",
    )
