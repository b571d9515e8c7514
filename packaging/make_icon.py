"""Draw the app icon (a house behind a shield) and write it as PNG and multi-size ICO.

Run once when the design changes: `python packaging/make_icon.py`. The results are committed
in resources/icons/, so builds need neither this script nor Pillow (PyInstaller needs Pillow
only to convert a PNG into an ICO; the ICO format can hold PNG images directly).
"""

from __future__ import annotations

import io
import struct
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch, PathPatch, Polygon
from matplotlib.path import Path as CurvePath

ICON_DIR = Path(__file__).resolve().parents[1] / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
PNG_SIZE = 512

NAVY = "#1f3b63"
ORANGE = "#e8772e"
WHITE = "#ffffff"


def _shield_path(left: float, right: float, top: float, bottom: float) -> CurvePath:
    middle = (left + right) / 2
    shoulder = top - (top - bottom) * 0.45
    vertices = [
        (left, top),
        (right, top),
        (right, shoulder),
        (right, bottom + (top - bottom) * 0.15),
        (middle, bottom),
        (left, bottom + (top - bottom) * 0.15),
        (left, shoulder),
        (left, top),
    ]
    codes = [
        CurvePath.MOVETO,
        CurvePath.LINETO,
        CurvePath.LINETO,
        CurvePath.CURVE3,
        CurvePath.CURVE3,
        CurvePath.CURVE3,
        CurvePath.CURVE3,
        CurvePath.CLOSEPOLY,
    ]
    return CurvePath(vertices, codes)


def render_png(size: int) -> bytes:
    """The icon as PNG bytes, drawn at `size` pixels so small sizes stay crisp."""
    figure = Figure(figsize=(1, 1), dpi=size)
    FigureCanvasAgg(figure)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(0, 1)
    axes.set_ylim(0, 1)
    axes.set_axis_off()
    axes.add_patch(
        FancyBboxPatch(
            (0.04, 0.04), 0.92, 0.92, boxstyle="round,pad=0,rounding_size=0.16", color=NAVY
        )
    )
    # The house: a roof and a body, white on the navy tile.
    axes.add_patch(Polygon([(0.12, 0.52), (0.42, 0.84), (0.72, 0.52)], color=WHITE))
    axes.add_patch(Polygon([(0.2, 0.14), (0.2, 0.54), (0.64, 0.54), (0.64, 0.14)], color=WHITE))
    axes.add_patch(Polygon([(0.34, 0.14), (0.34, 0.34), (0.46, 0.34), (0.46, 0.14)], color=NAVY))
    # The shield in front, bottom right, with a navy outline to separate it from the house.
    outline = max(1.0, size / 40)
    axes.add_patch(
        PathPatch(
            _shield_path(0.5, 0.9, 0.62, 0.08),
            facecolor=ORANGE,
            edgecolor=NAVY,
            linewidth=outline * 72 / size,
        )
    )
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=size, transparent=True)
    return buffer.getvalue()


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """An ICO file holding one PNG image per size (supported since Windows Vista)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    entries = b""
    payload = b""
    offset = len(header) + 16 * len(images)
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in the ICO directory
        position = offset + len(payload)
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), position)
        payload += png
    return header + entries + payload


def main() -> None:
    ICON_DIR.mkdir(parents=True, exist_ok=True)
    (ICON_DIR / "woninginbraken.png").write_bytes(render_png(PNG_SIZE))
    images = {size: render_png(size) for size in ICO_SIZES}
    (ICON_DIR / "woninginbraken.ico").write_bytes(ico_bytes(images))


if __name__ == "__main__":
    main()
