from followup.models.actions import Action, ActionQuerySet, ActionUpdate, SentReminder
from followup.models.gaps import GapAnalysis, GapItem, ItemMandate
from followup.models.packages import RecordPackage
from followup.models.preferences import FollowupPreference, SentDigest

__all__ = [
    "Action",
    "ActionQuerySet",
    "ActionUpdate",
    "FollowupPreference",
    "GapAnalysis",
    "GapItem",
    "ItemMandate",
    "RecordPackage",
    "SentDigest",
    "SentReminder",
]
