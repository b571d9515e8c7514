"""Meetings, decisions and the werkgroep calendar."""
