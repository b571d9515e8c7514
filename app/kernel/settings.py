"""The user's settings: one INI file in the data folder, read and written as typed properties.

IT's note says everything the program keeps lives in the data folder, so there is exactly one
settings file (`instellingen.ini`) and no registry or home-folder fallback. This module is
Qt-free: the window hands `Settings` a store over that file (`app/ui/window/settings.py`); a
test may hand it any object with `value`, `set_value` and `sync`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Generic, Protocol, TypeVar, overload

SETTINGS_FILE = "instellingen.ini"

T = TypeVar("T")


class SettingsStore(Protocol):
    def value(self, key: str) -> object: ...

    def set_value(self, key: str, value: object) -> None: ...

    def sync(self) -> None: ...


def settings_path(data_folder: Path) -> Path:
    return data_folder / SETTINGS_FILE


class _Setting(Generic[T]):
    """One key of the file with its type; a missing or unreadable value reads as None."""

    def __init__(self, key: str) -> None:
        self.key = key

    @overload
    def __get__(self, owner: None, kind: type) -> _Setting[T]: ...

    @overload
    def __get__(self, owner: Settings, kind: type) -> T | None: ...

    def __get__(self, owner: Settings | None, kind: type) -> _Setting[T] | T | None:
        if owner is None:
            return self
        return self.parse(owner.store.value(self.key))

    def __set__(self, owner: Settings, value: T | None) -> None:
        owner.store.set_value(self.key, None if value is None else self.dump(value))

    def parse(self, raw: object) -> T | None:
        raise NotImplementedError

    def dump(self, value: T) -> object:
        raise NotImplementedError


class _Bytes(_Setting[bytes]):
    def parse(self, raw: object) -> bytes | None:
        return bytes(raw) if isinstance(raw, bytes | bytearray) and raw else None

    def dump(self, value: bytes) -> object:
        return bytes(value)


class _Folder(_Setting[Path]):
    def parse(self, raw: object) -> Path | None:
        return Path(raw) if isinstance(raw, str) and raw else None

    def dump(self, value: Path) -> object:
        return str(value)


class Settings:
    """Everything the program remembers between sessions, one typed property per setting."""

    window_geometry = _Bytes("window/geometry")
    window_state = _Bytes("window/state")
    window_splitter = _Bytes("window/splitter")
    # Where the last evaluation PDF was saved: the next one is offered in the same folder.
    evaluation_folder = _Folder("evaluation/folder")
    # Where the last plan document or driehoek report was saved.
    document_folder = _Folder("documents/folder")

    def __init__(self, store: SettingsStore) -> None:
        self.store = store

    def sync(self) -> None:
        """Write pending changes to the file now (the store also writes on its own)."""
        self.store.sync()
