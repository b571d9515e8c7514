"""Aanpak Woninginbraken: the desktop app for a gemeente's plan van aanpak."""

APP_NAME = "Aanpak Woninginbraken"
APP_ID = "woninginbraken"
# Kept equal to pyproject.toml's version by a test; a constant because reading the installed
# metadata costs a noticeable part of start-up.
__version__ = "0.1.0"
