"""Starting a gap analysis and editing its items one by one, each change in the history."""

from collections.abc import Iterable

import reversion
from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext as _

from cwg.exceptions import InvalidTransition, NotAllowed
from cwg.models import ActionLine, SustainableDevelopmentGoal
from documents.models import Document
from followup.models import Action, GapAnalysis, GapItem, ItemMandate
from followup.permissions import can_manage_gap_analyses, can_start_gap_analysis
from followup.services.actions import changed_labels
from followup.services.gaps import mandates_text, parse_mandates, resolutions_by_number
from followup.services.links import LINKABLE_STATES, readable_document
from followup.services.tags import apply_tags, tags_differ
from meetings.exceptions import InvalidImport


@transaction.atomic
def start_gap_analysis(*, action: Action, title: str, by: User) -> GapAnalysis:
    if not can_start_gap_analysis(user=by, action=action):
        raise NotAllowed(_("Only the secretariat may start a gap analysis."))
    action = Action.objects.select_for_update().get(pk=action.pk)
    if GapAnalysis.objects.filter(action=action).exists():
        raise InvalidTransition(_("This action already has a gap analysis."))
    if not title.strip():
        raise InvalidTransition(_("Give the gap analysis a title."))
    with reversion.create_revision():
        analysis = GapAnalysis.objects.create(action=action, title=title.strip())
        reversion.set_user(by)
        reversion.set_comment("Started")
    return analysis


ITEM_FIELDS = {
    "requirement": "requirement",
    "coverage": "coverage",
    "proposed_response": "proposed response",
    "owner": "owner",
    "status": "status",
    "answered_by_action": "answering action",
    "answered_by_document": "answering document",
}


@transaction.atomic
def edit_gap_item(
    *,
    item: GapItem,
    by: User,
    requirement: str,
    coverage: str,
    mandates: str,
    status: str,
    proposed_response: str = "",
    owner: User | None = None,
    answered_by_action: Action | None = None,
    answered_by_document: Document | None = None,
    action_lines: Iterable[ActionLine] | None = None,
    sdgs: Iterable[SustainableDevelopmentGoal] | None = None,
) -> GapItem:
    """mandates reads as in the CSV: '1332: 3, 5; 140: 2'. Refusals are InvalidImport (400)."""
    if not can_manage_gap_analyses(user=by):
        raise NotAllowed(_("Only the secretariat may change a gap analysis."))
    item = GapItem.objects.select_for_update().get(pk=item.pk)
    if not requirement.strip():
        raise InvalidImport(_("The requirement is needed."))
    if coverage not in GapItem.Coverage.values:
        raise InvalidImport(_("Coverage must be covered, partial or gap."))
    if status not in GapItem.Status.values:
        raise InvalidImport(_("Unknown status."))
    if answered_by_document is not None:
        answered_by_document = readable_document(document=answered_by_document, by=by)
        if answered_by_document.status not in LINKABLE_STATES:
            raise InvalidImport(_("Only a registered or published document can answer an item."))
    covering = parse_mandates(mandates, resolutions_by_number())
    values = {
        "requirement": requirement.strip(),
        "coverage": coverage,
        "proposed_response": proposed_response.strip(),
        "owner": owner,
        "status": status,
        "answered_by_action": answered_by_action,
        "answered_by_document": answered_by_document,
    }
    changed = set(changed_labels(item, values, ITEM_FIELDS))
    new_mandates = "; ".join(
        f"{resolution.number}: {paragraphs}" if paragraphs else resolution.number
        for resolution, paragraphs in covering
    )
    if new_mandates != mandates_text(item):
        changed.add("mandates")
    action_lines = None if action_lines is None else list(action_lines)
    sdgs = None if sdgs is None else list(sdgs)
    if tags_differ(item, action_lines, sdgs):
        changed.add("tags")
    if not changed:
        return item
    for name, value in values.items():
        setattr(item, name, value)
    item.full_clean()
    with reversion.create_revision():
        if "mandates" in changed:  # first, so the item's version follows the new mandates
            item.mandates.all().delete()
            ItemMandate.objects.bulk_create(
                ItemMandate(item=item, resolution=resolution, paragraphs=paragraphs)
                for resolution, paragraphs in covering
            )
        item.save()
        apply_tags(item, action_lines=action_lines, sdgs=sdgs)
        reversion.set_user(by)
        reversion.set_comment("Edited: " + ", ".join(sorted(changed)))
    return item
