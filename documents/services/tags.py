"""A delegation proposes WSIS action lines and SDGs for its document; the secretariat confirms
(followup.services.tags.set_tags, which also clears the proposal)."""

from collections.abc import Iterable

import reversion
from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext as _

from cwg.exceptions import NotAllowed
from cwg.models import ActionLine, SustainableDevelopmentGoal
from documents import permissions
from documents.models import Document


@transaction.atomic
def propose_tags(
    *,
    document: Document,
    by: User,
    action_lines: Iterable[ActionLine],
    sdgs: Iterable[SustainableDevelopmentGoal],
) -> Document:
    document = Document.objects.select_for_update().get(pk=document.pk)
    if not permissions.can_edit_document(user=by, document=document):
        raise NotAllowed(_("You may propose tags only for a document you may still edit."))
    with reversion.create_revision():
        reversion.add_to_revision(document)
        document.proposed_action_lines.set(list(action_lines))
        document.proposed_sdgs.set(list(sdgs))
        reversion.set_user(by)
        reversion.set_comment("Proposed action lines and SDGs")
    return document
