"""Aanpak Woninginbraken: the desktop app for a gemeente's plan van aanpak."""

from importlib.metadata import PackageNotFoundError, version

APP_NAME = "Aanpak Woninginbraken"
APP_ID = "woninginbraken"

try:
    __version__ = version("aanpak-woninginbraken")
except PackageNotFoundError:  # frozen builds carry no dist-info unless collected
    __version__ = "0.1.0"
