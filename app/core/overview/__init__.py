"""The Overzicht and the status summary."""
