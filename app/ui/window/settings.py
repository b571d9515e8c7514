"""The Qt side of the settings: a QSettings on the one INI file in the data folder.

`QSettings()` without a file would write to the Windows registry; every screen gets the
`Settings` object made here (through its ScreenContext) instead.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from app.kernel.settings import Settings, settings_path


class IniStore:
    """QSettings in INI format on `path`; byte values travel as QByteArray."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._qt = QSettings(str(path), QSettings.Format.IniFormat)

    def value(self, key: str) -> object:
        raw = self._qt.value(key)
        return raw.data() if isinstance(raw, QByteArray) else raw

    def set_value(self, key: str, value: object) -> None:
        if value is None:
            self._qt.remove(key)
        elif isinstance(value, bytes):
            self._qt.setValue(key, QByteArray(value))
        else:
            self._qt.setValue(key, value)

    def sync(self) -> None:
        self._qt.sync()


def open_settings(data_folder: Path | None = None) -> Settings:
    """The settings in `data_folder` (the user's data folder when not given)."""
    if data_folder is None:
        from app.kernel import paths

        data_folder = paths.data_dir()
    return Settings(IniStore(settings_path(data_folder)))
