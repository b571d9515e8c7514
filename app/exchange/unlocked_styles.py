"""Unlock every cell style that does not ask for protection explicitly.

Sheet protection should guard only the ID column. Giving every other cell an
unlocked style through openpyxl doubles the writing time, so the writer lets ordinary cells
keep openpyxl's default styles and this archive makes those styles unlocked as styles.xml is
written. Cells that must stay locked carry an explicit protection element.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from zipfile import ZipFile, ZipInfo

if TYPE_CHECKING:
    from _typeshed import SizedBuffer

STYLES_PART = "xl/styles.xml"

_CELL_XFS = re.compile(r"<cellXfs\b.*?</cellXfs>", re.DOTALL)
_XF = re.compile(r"<xf\b([^>]*?)(/>|>(.*?)</xf>)", re.DOTALL)
_UNLOCKED = '<protection locked="0"/>'


class UnlockingZipFile(ZipFile):
    """A ZipFile that rewrites the cell styles of xl/styles.xml on the way in."""

    def writestr(
        self,
        zinfo_or_arcname: str | ZipInfo,
        data: SizedBuffer | str,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        name = (
            zinfo_or_arcname.filename if isinstance(zinfo_or_arcname, ZipInfo) else zinfo_or_arcname
        )
        if name == STYLES_PART:
            data = unlock_default_styles(data if isinstance(data, str) else bytes(data))
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)


def unlock_default_styles(styles_xml: str | bytes) -> bytes:
    text = styles_xml.decode("utf-8") if isinstance(styles_xml, bytes) else styles_xml
    return _CELL_XFS.sub(lambda match: _XF.sub(_unlock, match.group(0)), text).encode("utf-8")


def _unlock(match: re.Match[str]) -> str:
    attributes, inner = match.group(1), match.group(3) or ""
    if "<protection" in inner:
        return match.group(0)
    attributes = attributes.replace(' applyProtection="0"', "")
    return f'<xf{attributes} applyProtection="1">{inner}{_UNLOCKED}</xf>'
