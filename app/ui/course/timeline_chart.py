"""The project's course as a time line: the memo's steps above, milestones below, today marked.

Late milestones are drawn large in vermillion with a cross, so they stand out also without
colour; done ones are filled green circles, upcoming ones open grey circles.
"""

from __future__ import annotations

from datetime import date, timedelta

import matplotlib.dates as mdates
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter

from app.analysis.charts import style
from app.analysis.periods import month_label
from app.core.course.timeline import Milestone, Timeline
from database.enums import MilestoneKind, TimelineState

# Around the steps and milestones: a fortnight before, two months after; a today further
# after than FAR_AFTER is named in the title instead of drawn.
LEAD_IN = timedelta(days=15)
TAIL = timedelta(days=61)
FAR_AFTER = timedelta(days=275)
STEP_COLOURS = {
    TimelineState.DONE: "#BDBDBD",
    TimelineState.CURRENT: style.BLUE,
    TimelineState.UPCOMING: style.SKY_BLUE,
}
KIND_ROWS = (
    (MilestoneKind.COMMITMENT, "Opdracht driehoek"),
    (MilestoneKind.LOCAL_MEETING, "Operationeel overleg"),
    (MilestoneKind.PACKAGE, "Pakket voor werkgroep"),
    (MilestoneKind.PLAN_UPDATE, "Plan bijgesteld"),
    (MilestoneKind.EVALUATION, "Evaluatie"),
)
KIND_MARKERS = {
    MilestoneKind.COMMITMENT: "s",
    MilestoneKind.LOCAL_MEETING: "o",
    MilestoneKind.PACKAGE: "D",
    MilestoneKind.PLAN_UPDATE: "^",
    MilestoneKind.EVALUATION: "*",
}
SMALL = 11


def timeline_chart(timeline: Timeline, *, by_municipality: bool) -> Figure:
    """One row per milestone kind (a gemeente), or one row per gemeente (the RSIV)."""
    rows = _rows(timeline, by_municipality)
    figure = style.new_figure((12.0, 3.6 + 0.55 * len(rows)))
    steps_axes, course_axes = figure.subplots(
        2, 1, sharex=True, height_ratios=[len(timeline.steps), max(len(rows), 3) * 1.2]
    )
    start, end = _period(timeline)
    _draw_steps(steps_axes, timeline, start, end)
    _draw_course(course_axes, rows, timeline.today, by_municipality)
    course_axes.set_xlim(mdates.date2num(start), mdates.date2num(end))
    _quarter_axis(course_axes)
    for axes in (steps_axes, course_axes):
        _mark_today(axes, timeline.today, start, end)
    figure.legend(
        handles=_legend(by_municipality),
        loc="outside lower center",
        ncols=5 if by_municipality else 4,
        fontsize=SMALL,
        frameon=False,
    )
    return figure


def _rows(timeline: Timeline, by_municipality: bool) -> list[tuple[str, list[Milestone]]]:
    if by_municipality:
        return [(row.name, list(row.milestones)) for row in timeline.rows]
    milestones = [m for row in timeline.rows for m in row.milestones]
    return [(label, [m for m in milestones if m.kind is kind]) for kind, label in KIND_ROWS]


def _period(timeline: Timeline) -> tuple[date, date]:
    """The steps of the plan's own period (they move with its start) and every milestone."""
    days = [d for step in timeline.steps for d in (step.start, step.end)]
    days += [m.due for row in timeline.rows for m in row.milestones]
    start, end = min(days) - LEAD_IN, max(days) + TAIL
    if end < timeline.today <= end + FAR_AFTER:
        end = timeline.today + timedelta(days=30)
    return start, end


def _draw_steps(axes: Axes, timeline: Timeline, start: date, end: date) -> None:
    count = len(timeline.steps)
    for index, step in enumerate(timeline.steps):
        y = count - 1 - index
        left, right = mdates.date2num(step.start), mdates.date2num(step.end + timedelta(days=1))
        axes.barh(
            y, right - left, left=left, height=0.6, color=STEP_COLOURS[step.state(timeline.today)]
        )
    axes.set_yticks(
        range(count),
        [f"{s.number}. {s.title}" for s in reversed(timeline.steps)],
        fontsize=SMALL,
    )
    title = "Stappenplan (memo RSIV, 11-09-2017)"
    today = timeline.today
    if not start <= today <= end:
        # In the title, not beside it: a note at the right edge ran into the title on a
        # narrow window.
        where = "na" if today > end else "voor"
        title += f" \u2014 vandaag ({today:%d-%m-%Y}) ligt {where} deze periode"
    axes.set_title(title, fontsize=style.LABEL_SIZE - 2, loc="left")
    axes.spines[["top", "right"]].set_visible(False)
    axes.tick_params(axis="x", labelbottom=False)


def _draw_course(
    axes: Axes,
    rows: list[tuple[str, list[Milestone]]],
    today: date,
    by_municipality: bool,
) -> None:
    count = len(rows)
    for index, (_label, milestones) in enumerate(rows):
        y = count - 1 - index
        axes.axhline(y, color="#EEEEEE", linewidth=1, zorder=0)
        for milestone in milestones:
            _draw_milestone(axes, milestone, y, label_late=not by_municipality)
        late = sum(m.state is TimelineState.LATE for m in milestones)
        if by_municipality and late:
            axes.annotate(
                f"{late} te laat",
                (1.0, y),
                xycoords=("axes fraction", "data"),
                xytext=(6, 0),
                textcoords="offset points",
                va="center",
                fontsize=SMALL,
                color=style.VERMILLION,
                fontweight="bold",
            )
    axes.set_yticks(range(count), [label for label, _ in reversed(rows)], fontsize=SMALL + 1)
    axes.set_ylim(-0.7, count - 0.3)
    title = "Mijlpalen per gemeente" if by_municipality else "Mijlpalen van de gemeente"
    axes.set_title(f"{title} (peildatum {today:%d-%m-%Y})", fontsize=style.LABEL_SIZE, loc="left")
    axes.spines[["top", "right"]].set_visible(False)
    axes.tick_params(axis="x", labelsize=SMALL + 1)


def _draw_milestone(axes: Axes, milestone: Milestone, y: float, *, label_late: bool) -> None:
    x = mdates.date2num(milestone.due)
    marker = KIND_MARKERS[milestone.kind]
    if milestone.state is TimelineState.LATE:
        axes.plot(x, y, marker=marker, markersize=13, color=style.VERMILLION, zorder=3)
        axes.plot(x, y, marker="x", markersize=8, color="white", markeredgewidth=2, zorder=4)
        if label_late:
            axes.annotate(
                milestone.due.strftime("%d-%m"),
                (x, y),
                xytext=(0, 9),
                textcoords="offset points",
                ha="center",
                fontsize=SMALL - 1,
                color=style.VERMILLION,
            )
    elif milestone.state is TimelineState.DONE:
        axes.plot(x, y, marker=marker, markersize=9, color=style.GREEN, zorder=2)
    else:
        axes.plot(
            x,
            y,
            marker=marker,
            markersize=9,
            markerfacecolor="white",
            markeredgecolor=style.GREY,
            markeredgewidth=1.5,
            linestyle="none",
            zorder=2,
        )


def _mark_today(axes: Axes, today: date, start: date, end: date) -> None:
    """A dashed line on today (named in the legend; outside the period, in the title)."""
    if start <= today <= end:
        axes.axvline(mdates.date2num(today), color=style.BLACK, linewidth=2, linestyle="--")


def _quarter_axis(axes: Axes) -> None:
    """Ticks every quarter; only January and the first tick carry the year, so labels fit."""
    axes.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 4, 7, 10)))
    axes.xaxis.set_major_formatter(
        FuncFormatter(
            lambda value, pos: month_label(
                mdates.num2date(value).date(),
                with_year=mdates.num2date(value).month == 1 or pos == 0,
            )
        )
    )


def _legend(by_municipality: bool) -> list[Line2D]:
    handles = [
        Line2D([], [], marker="o", color=style.GREEN, linestyle="none", label="gedaan"),
        Line2D(
            [],
            [],
            marker="o",
            markerfacecolor="white",
            markeredgecolor=style.GREY,
            linestyle="none",
            label="komt nog",
        ),
        Line2D(
            [],
            [],
            marker="o",
            markersize=11,
            color=style.VERMILLION,
            linestyle="none",
            label="te laat",
        ),
        Line2D([], [], color=style.BLACK, linestyle="--", label="vandaag"),
    ]
    if by_municipality:
        handles += [
            Line2D(
                [], [], marker=KIND_MARKERS[kind], color=style.GREY, linestyle="none", label=text
            )
            for kind, text in KIND_ROWS
        ]
    return handles
