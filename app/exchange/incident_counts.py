"""Incidents as the RSIV receives them: counts per month, buurt and hot-time cell.

A gemeente keeps its single incidents (time window, attempt, modus operandi); the package
carries only the aoristic hot-times table of each month and buurt, cell by cell (weekday and
hour), split into completed burglaries and attempts. The weights are those of the hot-times
chart (app/analysis/hot_times.py), so the RSIV's chart equals the gemeente's. A record's id
is derived from the gemeente, month, buurt and cell, so the same cell keeps its id in every
package and the RSIV sees a changed count, not a removal and an addition.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable

from app.exchange.metadata import Record

_NAMESPACE = uuid.UUID("5f0b7f3e-3c55-4c1e-9d0a-6f1f2b8c9a41")
DECIMALS = 6
HOUR = 3600  # seconds
HOURS_PER_WEEK = 7 * 24


def incident_count_records(
    incidents: Iterable[tuple[object, ...]], municipality_code: str
) -> list[Record]:
    """Counts from incidents in stored form (window_start, window_end, neighbourhood_code,
    is_attempt, created_at, updated_at), as records of the sheet Incidentaantallen.

    Vectorised: every incident becomes one weight per hour its window overlaps (the overlap
    divided by the window's length, the whole 1 for a window without length), which is the
    aoristic spread of the hot-times chart; the weights are then summed per cell.
    """
    import numpy as np
    import pandas as pd

    frame = pd.DataFrame(
        list(incidents),
        columns=["start", "end", "area", "is_attempt", "created_at", "updated_at"],
    )
    if frame.empty:
        return []
    start_at = pd.to_datetime(frame["start"])
    monday = np.datetime64("1970-01-05T00:00:00", "s")  # the week circle starts on a Monday
    start = (start_at.to_numpy(dtype="datetime64[s]") - monday).astype(np.int64)
    end = (pd.to_datetime(frame["end"]).to_numpy(dtype="datetime64[s]") - monday).astype(np.int64)
    end = np.maximum(end, start)
    first = start // HOUR
    last = np.where(end > start, (end - 1) // HOUR, first)
    spans = last - first + 1
    owner = np.repeat(np.arange(len(frame)), spans)
    hour = first[owner] + (np.arange(len(owner)) - np.repeat(np.cumsum(spans) - spans, spans))
    duration = (end - start)[owner]
    overlap = np.minimum(end[owner], (hour + 1) * HOUR) - np.maximum(start[owner], hour * HOUR)
    weight = np.where(duration > 0, overlap / np.where(duration > 0, duration, 1), 1.0)
    attempt = frame["is_attempt"].astype(bool).to_numpy()[owner]
    cells = pd.DataFrame(
        {
            "month": start_at.dt.strftime("%Y-%m-01").to_numpy()[owner],
            "area": frame["area"].fillna("").to_numpy()[owner],
            "weekday": (hour % HOURS_PER_WEEK) // 24 + 1,
            "hour": hour % 24,
            "completed": np.where(attempt, 0.0, weight),
            "attempts": np.where(attempt, weight, 0.0),
        }
    )
    counts = cells.groupby(["month", "area", "weekday", "hour"], sort=True)[
        ["completed", "attempts"]
    ].sum()
    frame["month"] = start_at.dt.strftime("%Y-%m-01")
    frame["area"] = frame["area"].fillna("")
    # The earliest creation and the latest update in each month and buurt, as stored.
    created = frame.assign(created_at=frame["created_at"].astype(str)).sort_values("created_at")
    updated = frame.assign(updated_at=frame["updated_at"].astype(str)).sort_values("updated_at")
    first = created.drop_duplicates(["month", "area"])
    latest = updated.drop_duplicates(["month", "area"], keep="last")
    stamps = dict(
        zip(zip(first["month"], first["area"], strict=True), first["created_at"], strict=True)
    )
    updates = dict(
        zip(zip(latest["month"], latest["area"], strict=True), latest["updated_at"], strict=True)
    )
    records: list[Record] = []
    for (month, area, weekday, hour_of_day), completed, attempts in zip(
        counts.index, counts["completed"], counts["attempts"], strict=True
    ):
        name = f"{municipality_code}|{month}|{area}|{weekday}|{hour_of_day}"
        records.append(
            (
                _uuid5(name),
                month,
                area or None,
                int(weekday),
                int(hour_of_day),
                round(float(completed), DECIMALS),
                round(float(attempts), DECIMALS),
                stamps[(month, area)],
                updates[(month, area)],
            )
        )
    return records


def _uuid5(name: str) -> str:
    """uuid.uuid5(_NAMESPACE, name) as text, without building a UUID object (10x faster)."""
    digest = hashlib.sha1(_NAMESPACE.bytes + name.encode(), usedforsecurity=False).hexdigest()
    variant = "89ab"[int(digest[16], 16) & 0x3]
    return f"{digest[:8]}-{digest[8:12]}-5{digest[13:16]}-{variant}{digest[17:20]}-{digest[20:32]}"


def read_incident_rows(connection: object, municipality_id: str) -> list[tuple[object, ...]]:
    """The gemeente's incidents in stored form, in the order incident_count_records wants."""
    return connection.execute(  # type: ignore[attr-defined]
        "SELECT window_start, window_end, neighbourhood_code, is_attempt, created_at, "
        "updated_at FROM incident WHERE municipality_id = ?",
        (municipality_id,),
    ).fetchall()
