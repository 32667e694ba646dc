"""Co-sponsors: the submitting delegation names member states; each confirms or declines.

Comments name states by ISO code ("Co-sponsors named: SE, SA"); the history page shows the names
in the reader's language.
"""

import reversion
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cwg.exceptions import InvalidTransition, NotAllowed
from cwg.models import MemberState
from documents import permissions
from documents.models import CoSponsor, Document
from documents.services.notifications import notify_cosponsors


def _locked(document: Document) -> Document:
    return (
        Document.objects.select_for_update()
        .select_related("meeting__working_group")
        .get(pk=document.pk)
    )


@transaction.atomic
def name_cosponsors(*, document: Document, by: User, member_states: list[MemberState]) -> Document:
    """Set the co-sponsors, in the order given. A state named again keeps its answer; a state
    newly named on a submitted document is told at once (the others when it is submitted)."""
    document = _locked(document)
    if not permissions.can_name_cosponsors(user=by, document=document):
        raise NotAllowed(_("Only the submitting delegation names the co-sponsors of its document."))
    wanted = list(dict.fromkeys(state.pk for state in member_states))
    if not permissions.cosponsors_allowed(document=document, states=wanted):
        raise InvalidTransition(_("A member state cannot co-sponsor its own contribution."))
    current = {cosponsor.member_state_id: cosponsor for cosponsor in document.cosponsors.all()}
    if list(current) == wanted:
        return document
    with reversion.create_revision():
        document.cosponsors.exclude(member_state_id__in=wanted).delete()
        added = []
        for order, state_id in enumerate(wanted):
            cosponsor = current.get(state_id)
            if cosponsor is None:
                added.append(state_id)
                CoSponsor.objects.create(document=document, member_state_id=state_id, order=order)
            elif cosponsor.order != order:
                cosponsor.order = order
                cosponsor.save(update_fields=["order"])
        reversion.add_to_revision(document)
        reversion.set_user(by)
        codes = MemberState.objects.in_bulk(wanted)
        reversion.set_comment(
            "Co-sponsors named: " + ", ".join(codes[pk].iso_code for pk in wanted)
            if wanted
            else "Co-sponsors named: none"
        )
    if added and document.status != Document.Status.DRAFT:
        notify_cosponsors(document=document, member_states=added)
    return document


@transaction.atomic
def answer_cosponsorship(*, document: Document, by: User, confirm: bool) -> CoSponsor:
    """A delegate of a named member state confirms (it becomes a source) or declines."""
    document = _locked(document)
    if not permissions.can_answer_cosponsorship(user=by, document=document):
        raise NotAllowed(
            _("Only a delegate of a co-sponsoring member state answers, once it is submitted.")
        )
    states = [delegation.member_state_id for delegation in by.delegations.all()]
    cosponsor = (
        CoSponsor.objects.select_for_update()
        .select_related("member_state")
        .filter(document=document, member_state_id__in=states)
        .order_by("order")
        .first()
    )
    cosponsor.answer = CoSponsor.Answer.CONFIRMED if confirm else CoSponsor.Answer.DECLINED
    cosponsor.answered_by = by
    cosponsor.answered_at = timezone.now()
    with reversion.create_revision():
        cosponsor.save(update_fields=["answer", "answered_by", "answered_at"])
        reversion.add_to_revision(document)
        reversion.set_user(by)
        verb = "confirmed" if confirm else "declined"
        reversion.set_comment(f"Co-sponsorship {verb} by {cosponsor.member_state.iso_code}")
    return cosponsor
