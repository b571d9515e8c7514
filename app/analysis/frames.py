"""The DataFrame shapes the calculations take, so loaders, tests and benchmarks agree.

An *area* is the whole gemeente (code MUNICIPALITY_AREA) or one buurt (its CBS buurtcode).
"""

from __future__ import annotations

import pandas as pd

MUNICIPALITY_AREA = ""

MONTHLY_COLUMNS = ("month", "area", "completed", "attempts")
DWELLING_COLUMNS = ("year", "area", "dwellings")
INCIDENT_COLUMNS = ("window_start", "window_end", "area", "is_attempt")


def empty(columns: tuple[str, ...]) -> pd.DataFrame:
    return pd.DataFrame({column: pd.Series(dtype=object) for column in columns})
