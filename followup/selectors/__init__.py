"""Reads of follow-up: the dashboards, linked documents and version history."""
