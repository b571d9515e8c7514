"""The plan van aanpak itself: its record, problem description and partners."""
