"""Hot times by aoristic weighting: when in the week do burglaries happen?

A burglary is usually discovered later than it happened, so the police register a window
(from ... to ...). Each incident counts as exactly 1, spread evenly over the time of its
window: an incident between 22:30 and 01:30 puts 1/6 in the 22:00 hour, 1/3 in 23:00 and in
00:00 (the next day) and 1/6 in 01:00. A window without length (the moment is known) puts
its whole weight in its hour. The result is a weekday-by-hour table whose cells add up to the
number of incidents.

The computation is vectorised: every window becomes a uniform density on the week circle,
written as two steps into a difference array of the seconds of one week (folded once, since
a remainder shorter than a week wraps at most once); whole weeks of a long window add the
same amount to every hour. A cumulative sum turns steps into density, summed per hour.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from app.analysis.periods import WEEKDAYS

HOURS_PER_WEEK = 7 * 24
SECONDS_PER_HOUR = 3600
SECONDS_PER_WEEK = HOURS_PER_WEEK * SECONDS_PER_HOUR
# 1970-01-05 was a Monday: seconds counted from it fall on the week circle Monday 00:00 first.
_MONDAY = np.datetime64("1970-01-05T00:00:00", "s")


def aoristic_table(window_start: pd.Series, window_end: pd.Series) -> pd.DataFrame:
    """Weighted burglaries per weekday (rows, maandag..zondag) and hour (columns 0..23)."""
    start = _week_seconds(window_start)
    end = _week_seconds(window_end)
    if np.any(end < start):
        raise ValueError("an incident window ends before it starts")
    duration = end - start
    hours = np.zeros(HOURS_PER_WEEK)

    instant = duration == 0
    instant_hour = (start[instant] % SECONDS_PER_WEEK) // SECONDS_PER_HOUR
    hours += np.bincount(instant_hour, minlength=HOURS_PER_WEEK)

    start, duration = start[~instant], duration[~instant]
    if len(duration):
        density = 1.0 / duration
        full_weeks, remainder = np.divmod(duration, SECONDS_PER_WEEK)
        hours += float(np.sum(full_weeks * density)) * SECONDS_PER_HOUR
        offset = start % SECONDS_PER_WEEK
        steps = np.bincount(offset, weights=density, minlength=2 * SECONDS_PER_WEEK + 1)
        steps -= np.bincount(
            offset + remainder, weights=density, minlength=2 * SECONDS_PER_WEEK + 1
        )
        per_second = np.cumsum(steps[: 2 * SECONDS_PER_WEEK])
        folded = per_second[:SECONDS_PER_WEEK] + per_second[SECONDS_PER_WEEK:]
        hours += folded.reshape(HOURS_PER_WEEK, SECONDS_PER_HOUR).sum(axis=1)

    table = pd.DataFrame(
        hours.reshape(7, 24), index=pd.Index(WEEKDAYS, name="weekdag"), columns=range(24)
    )
    table.columns.name = "uur"
    return table


def _week_seconds(moments: pd.Series) -> np.ndarray:
    values = pd.to_datetime(moments).to_numpy(dtype="datetime64[s]")
    return (values - _MONDAY).astype(np.int64)
