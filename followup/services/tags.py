"""Tagging with WSIS action lines and SDGs: actions, gap items, documents, questions, inputs.

The secretariat tags. Follow-up is the top layer, so it may write the tag fields that the
lower apps declare (cwg.models.action_line_tags); those apps know nothing of this service.
"""

from collections.abc import Iterable

import reversion
from django.contrib.auth.models import User
from django.db import models, transaction
from django.utils.translation import gettext as _

from consultations.models import Question, Submission
from cwg.exceptions import NotAllowed
from cwg.models import ActionLine, SustainableDevelopmentGoal
from documents.models import Document
from followup.models import Action, GapItem
from followup.permissions import can_tag

TAGGABLE = (Action, GapItem, Document, Question, Submission)


def tags_differ(
    target: models.Model,
    action_lines: Iterable[ActionLine] | None,
    sdgs: Iterable[SustainableDevelopmentGoal] | None,
) -> bool:
    """None leaves that kind of tag as it is."""
    if target.pk is None:
        return bool(action_lines) or bool(sdgs)
    for wanted, manager in ((action_lines, target.action_lines), (sdgs, target.sdgs)):
        if wanted is not None and {t.pk for t in wanted} != set(
            manager.values_list("pk", flat=True)
        ):
            return True
    return False


def apply_tags(
    target: models.Model,
    *,
    action_lines: Iterable[ActionLine] | None,
    sdgs: Iterable[SustainableDevelopmentGoal] | None,
) -> None:
    """Inside the caller's revision, after the target is saved."""
    if action_lines is not None:
        target.action_lines.set(list(action_lines))
    if sdgs is not None:
        target.sdgs.set(list(sdgs))


@transaction.atomic
def set_tags(
    *,
    target: models.Model,
    by: User,
    action_lines: Iterable[ActionLine] | None = None,
    sdgs: Iterable[SustainableDevelopmentGoal] | None = None,
) -> bool:
    """Tag one row; True if its tags changed (and a version was recorded)."""
    if not isinstance(target, TAGGABLE):
        raise TypeError(f"{type(target).__name__} carries no tags")
    if not can_tag(user=by):
        raise NotAllowed(_("Only the secretariat may tag with action lines and SDGs."))
    target = type(target).objects.select_for_update().get(pk=target.pk)
    action_lines = None if action_lines is None else list(action_lines)
    sdgs = None if sdgs is None else list(sdgs)
    proposed = isinstance(target, Document) and _has_proposal(target)
    if not tags_differ(target, action_lines, sdgs) and not proposed:
        return False
    with reversion.create_revision():
        if reversion.is_registered(type(target)):
            reversion.add_to_revision(target)
        apply_tags(target, action_lines=action_lines, sdgs=sdgs)
        if proposed:  # the secretariat's tags answer the delegation's proposal
            target.proposed_action_lines.clear()
            target.proposed_sdgs.clear()
        reversion.set_user(by)
        reversion.set_comment("Tagged with action lines and SDGs")
    return True


def _has_proposal(document: Document) -> bool:
    return document.proposed_action_lines.exists() or document.proposed_sdgs.exists()
