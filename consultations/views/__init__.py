"""Pages of consultations: the public's (public), the moderators' (moderation), the call editor
(calls) and the exports (exports)."""
