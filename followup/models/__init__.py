from followup.models.actions import Action, ActionQuerySet, ActionUpdate, SentReminder
from followup.models.gaps import GapAnalysis, GapItem, ItemMandate
from followup.models.preferences import FollowupPreference

__all__ = [
    "Action",
    "ActionQuerySet",
    "ActionUpdate",
    "FollowupPreference",
    "GapAnalysis",
    "GapItem",
    "ItemMandate",
    "SentReminder",
]
