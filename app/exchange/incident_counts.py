"""Incidents as the RSIV receives them: counts per month, buurt and hot-time cell.

A gemeente keeps its single incidents (time window, attempt, modus operandi); the package
carries only the aoristic hot-times table of each month and buurt, cell by cell (weekday and
hour), split into completed burglaries and attempts. The weights are those of the hot-times
chart (app/analysis/hot_times.py), so the RSIV's chart equals the gemeente's. A record's id
is derived from the gemeente, month, buurt and cell, so the same cell keeps its id in every
package and the RSIV sees a changed count, not a removal and an addition.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from app.exchange.metadata import Record

_NAMESPACE = uuid.UUID("5f0b7f3e-3c55-4c1e-9d0a-6f1f2b8c9a41")
DECIMALS = 6


def incident_count_records(
    incidents: Iterable[tuple[object, ...]], municipality_code: str
) -> list[Record]:
    """Counts from incidents in stored form (window_start, window_end, neighbourhood_code,
    is_attempt, created_at, updated_at), as records of the sheet Incidentaantallen."""
    import pandas as pd

    from app.analysis.hot_times import aoristic_table

    frame = pd.DataFrame(
        list(incidents),
        columns=["start", "end", "area", "is_attempt", "created_at", "updated_at"],
    )
    if frame.empty:
        return []
    frame["start"] = pd.to_datetime(frame["start"])
    frame["end"] = pd.to_datetime(frame["end"])
    frame["month"] = frame["start"].dt.strftime("%Y-%m-01")
    frame["area"] = frame["area"].fillna("")
    cells: dict[tuple[str, str, int, int], list[float]] = {}
    stamps: dict[tuple[str, str], tuple[str, str]] = {}
    for (month, area, is_attempt), group in frame.groupby(
        ["month", "area", frame["is_attempt"].astype(bool)], sort=True
    ):
        table = aoristic_table(group["start"], group["end"])
        for weekday, hours in enumerate(table.to_numpy(), start=1):
            for hour, weight in enumerate(hours):
                if weight > 0:
                    cell = cells.setdefault((month, area, weekday, hour), [0.0, 0.0])
                    cell[1 if is_attempt else 0] += float(weight)
        created, updated = stamps.get((month, area), ("9999", ""))
        stamps[(month, area)] = (
            min(created, str(group["created_at"].min())),
            max(updated, str(group["updated_at"].max())),
        )
    records: list[Record] = []
    for (month, area, weekday, hour), (completed, attempts) in sorted(cells.items()):
        created, updated = stamps[(month, area)]
        name = f"{municipality_code}|{month}|{area}|{weekday}|{hour}"
        records.append(
            (
                str(uuid.uuid5(_NAMESPACE, name)),
                month,
                area or None,
                weekday,
                hour,
                round(completed, DECIMALS),
                round(attempts, DECIMALS),
                created,
                updated,
            )
        )
    return records


def read_incident_rows(connection: object, municipality_id: str) -> list[tuple[object, ...]]:
    """The gemeente's incidents in stored form, in the order incident_count_records wants."""
    return connection.execute(  # type: ignore[attr-defined]
        "SELECT window_start, window_end, neighbourhood_code, is_attempt, created_at, "
        "updated_at FROM incident WHERE municipality_id = ?",
        (municipality_id,),
    ).fetchall()
