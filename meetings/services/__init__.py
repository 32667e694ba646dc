from meetings.services.participants import ImportReport, import_participants

__all__ = ["ImportReport", "import_participants"]
