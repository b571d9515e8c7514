"""Tijdlijn, Planversies and Evaluatie screens."""
