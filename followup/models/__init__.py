from followup.models.actions import Action, ActionQuerySet, ActionUpdate, SentReminder
from followup.models.gaps import GapAnalysis, GapItem, ItemMandate

__all__ = [
    "Action",
    "ActionQuerySet",
    "ActionUpdate",
    "GapAnalysis",
    "GapItem",
    "ItemMandate",
    "SentReminder",
]
