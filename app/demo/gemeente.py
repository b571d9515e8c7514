"""Demo data: a complete, plausible plan van aanpak for one gemeente, the same for every seed.

Trainers, screenshots and first-time users need a workspace that looks like a real gemeente's
plan without holding anyone's real data. Everything is drawn from random.Random(seed + CBS
code): ids, timestamps and texts are reproducible, so two runs with the same seed give
byte-identical dumps. Invented texts are recognisable as demo (the plan title starts with
"DEMO" and the problem summary opens by saying so); yearly totals match the published
figures in shared/domain.md where there are any, and all other numbers are illustrative.
"""

from __future__ import annotations

import calendar
import random
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import TypeVar

from sqlalchemy import Column, RowMapping, bindparam, func, select, update
from sqlalchemy.orm import Session

from app.analysis.periods import MONTH_NAMES
from app.core.meetings.werkgroep_calendar import WERKGROEP_DATES
from app.demo import content as text
from app.demo.course import (
    DEMO_REVISIONS,
    GEBIEDSSCAN_2018,
    write_demo_b3w,
    write_demo_revisions,
)
from app.demo.generated import demo_profile
from app.demo.werkgroep import write_progress_notes, write_werkgroep_calendar
from app.kernel.errors import UserError
from app.kernel.reference import MunicipalityRef, measure_catalogue
from app.kernel.workspace import Workspace
from database.enums import (
    ActionStatus,
    AnalysisState,
    BylawStatus,
    DeepAnalysisState,
    GoalIndicator,
    HotKind,
    InformationSource,
    InterventionKind,
    MeasureDecision,
    MeasureStatus,
    MeetingTier,
    PartnerKind,
    TargetGroup,
    WorkspaceRole,
)
from database.models import (
    Action,
    AnalysisForm,
    BylawInstrument,
    Decision,
    DeepAnalysisRequest,
    DeliberatelyEmptyCell,
    DwellingStock,
    Evaluation,
    Goal,
    GoalMeasurement,
    HotItem,
    HotspotAnalysis,
    Incident,
    Measure,
    MeasureEvaluation,
    Meeting,
    MonthlyFigure,
    Municipality,
    Neighbourhood,
    PackageExport,
    Partner,
    Plan,
    ProposedMeasure,
    WorkspaceInfo,
    measure_hot_item_table,
)
from database.models.base import Exchanged
from database.tables.base import metadata
from database.types import UTCDateTime

# The story is written for the memo's calendar: a plan starting 1 January 2018, figures from
# 2016. Every demo moves it in time so that today falls in the plan's tenth month.
STORY_START = date(2018, 1, 1)
MONTHS_RUNNING = 9
DEMO_CREATED = datetime(2017, 10, 2, 8, 0, tzinfo=UTC)
YEARS = (2016, 2017, 2018, 2019)
# Single incidents for the recent years only keep a large gemeente's demo small; a small
# gemeente gets all three years so its hot-times chart still has enough points.
ENOUGH_INCIDENTS = 100
# Below the national average of about 7.3 per 1,000 dwellings in 2016 (published figures).
GOAL_RATE = 7.0

ModelT = TypeVar("ModelT", bound=Exchanged)


@dataclass(frozen=True)
class DemoCalendar:
    """Where the story lands: today in the plan's tenth month, the figures up to last month.

    The plan's dates move by whole months (`months`); the police figures, the years in the
    texts and the dark-days season (October to March) move by whole years (`years`), so the
    seasons stay where they are.
    """

    today: date
    months: int

    @classmethod
    def around(cls, today: date) -> DemoCalendar:
        start = _add_months(today.replace(day=1), -MONTHS_RUNNING)
        return cls(today, _month_index(start) - _month_index(STORY_START))

    @property
    def years(self) -> int:
        return self.months // 12

    @property
    def as_of(self) -> date:
        """Today, in the story's calendar: what happened after it has not happened yet."""
        return _shift_day(self.today, -self.months)

    @property
    def figures_until(self) -> date:
        """The last complete month of police figures, in the story's calendar."""
        return _add_months(self.today.replace(day=1), -1 - 12 * self.years)

    def day(self, day: date) -> date:
        """A plan date moved; the year's last day stays the year's last day."""
        if (day.month, day.day) == (12, 31):
            return day.replace(year=day.year + self.years)
        return _shift_day(day, self.months)

    def moment(self, moment: datetime) -> datetime:
        return datetime.combine(self.day(moment.date()), moment.timetz())

    def text(self, value: str) -> str:
        """Dates, months and years written in a text, moved the same way."""

        def moved(match: re.Match[str]) -> str:
            if match["name"]:
                month = MONTH_NAMES.index(match["name"]) + 1
                shifted = self.day(date(int(match["year"]), month, 1))
                return _month_name(shifted)
            if match["day"]:
                day = date(int(match["dyear"]), int(match["month"]), int(match["day"]))
                return f"{self.day(day):%d-%m-%Y}"
            return str(int(match["bare"]) + self.years)

        return _DATES_IN_TEXT.sub(moved, value)


_DATES_IN_TEXT = re.compile(
    rf"\b(?P<name>{'|'.join(MONTH_NAMES)}) (?P<year>20[12]\d)\b"
    r"|\b(?P<day>\d{2})-(?P<month>\d{2})-(?P<dyear>20[12]\d)\b"
    r"|\b(?P<bare>201[5-9]|202[0-2])\b"
)


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def _shift_day(day: date, months: int) -> date:
    """The same day `months` later; a month's last day stays the month's last day."""
    year, month = divmod(_month_index(day) + months, 12)
    last = calendar.monthrange(year, month + 1)[1]
    was_last = day.day == calendar.monthrange(day.year, day.month)[1]
    return date(year, month + 1, last if was_last else min(day.day, last))


def fill_demo(workspace: Workspace, seed: int = 2017, today: date | None = None) -> None:
    """Fill a new, empty workspace with demo data in one transaction.

    The demo is dated around `today` (the real today when not given): the same seed and the
    same today give the same workspace.

    A gemeente workspace gets a complete plan van aanpak for its own gemeente. An RSIV
    workspace gets only what the RSIV writes itself, the werkgroep's calendar with its
    minutes and actions: a regional demo is made the way the real one is, by merging the
    gemeenten's demo packages, so inventing gemeente rows here would show a picture the merge
    never produces. In both cases the workspace's own identity and the reference rows get
    fixed ids and moments, so the whole dump is reproducible.
    """
    summary = workspace.summary
    code = summary.municipality_code or "RSIV"
    moved = DemoCalendar.around(today or date.today())
    with workspace.transaction() as session:
        _refuse_filled_workspace(session)
        workspace_id = _pin_identity(session, random.Random(f"werkruimte-{seed}-{code}"))
        ids = random.Random(f"ids-{seed}-{code}")

        def plan_ids() -> str:
            return _uuid(ids)

        if summary.role is WorkspaceRole.MUNICIPALITY:
            demo = demo_profile(code)
            if demo is None:
                raise UserError(
                    f"Voor gemeentecode {code} zijn geen demogegevens beschikbaar. Maak een "
                    "demowerkruimte voor een deelnemende gemeente."
                )
            ref, profile = demo
            plan = _DemoPlan(session, ref, profile, seed, moved)
            plan.build()
            _move_in_time(session, moved)
            write_demo_revisions(
                session,
                ref.id,
                plan._new_id,
                [(moved.text(name), moved.day(day)) for name, day in DEMO_REVISIONS],
                moved.day(GEBIEDSSCAN_2018),
            )
        else:
            write_werkgroep_calendar(
                session, workspace, moved.as_of, random.Random(f"werkgroep-{seed}"), plan_ids
            )
            _move_in_time(session, moved)
    workspace.summary = replace(summary, id=workspace_id, is_demo=True)


# Columns that move by whole years with the figures, not by months with the plan.
_FIGURE_MOMENTS = {
    "monthly_figure": ("month",),
    "incident": ("window_start", "window_end"),
    "measure": (),  # dark-days measures only; see _move_row
}
_YEAR_COLUMNS = {"dwelling_stock": "year", "goal": "baseline_year"}
# Published national figures stay in their own years.
_PUBLISHED = {"national_reference"}


def _move_in_time(session: Session, moved: DemoCalendar) -> None:
    """Move every written row from the story's calendar to the one around today."""
    session.flush()
    for table in metadata.sorted_tables:
        if table.name in _PUBLISHED:
            continue
        key = list(table.primary_key.columns)
        movable = [c for c in table.columns if c not in key and _is_movable(c)]
        if not movable:
            continue
        # Every column set explicitly, updated_at too: else its onupdate writes the clock.
        written = [*movable, *([table.c.status] if table.name == "measure" else [])]
        moves = []
        # Rows move one at a time: the one furthest in the direction of the move goes first,
        # so two rows of a unique date (one measurement per goal and day) never meet halfway.
        rows = sorted(
            session.execute(select(table)).mappings().all(),
            key=lambda row: _dates_of(row, movable),
            reverse=moved.months > 0,
        )
        for row in rows:
            values = _move_row(table.name, row, movable, moved)
            if any(value != row[name] for name, value in values.items()):
                moves.append(
                    {f"new_{c.name}": values.get(c.name, row[c.name]) for c in written}
                    | {f"key_{c.name}": row[c.name] for c in key}
                )
        if moves:  # one statement for all rows of the table
            statement = (
                update(table)
                .where(*[column == bindparam(f"key_{column.name}") for column in key])
                .values({column.name: bindparam(f"new_{column.name}") for column in written})
            )
            session.execute(statement, moves)


def _dates_of(row: RowMapping, columns: list[Column[object]]) -> tuple[datetime, ...]:
    moments = []
    for column in columns:
        value = row[column.name]
        if isinstance(value, datetime):
            moments.append(value.replace(tzinfo=None))
        elif isinstance(value, date):
            moments.append(datetime.combine(value, time()))
    return tuple(moments)


def _is_movable(column: Column[object]) -> bool:
    if column.foreign_keys or column.name.endswith("_id"):
        return False  # an id can hold four digits that look like a year
    if isinstance(column.type, UTCDateTime):
        return True
    try:
        kind = column.type.python_type
    except NotImplementedError:
        return False
    if column.table.name in _YEAR_COLUMNS and column.name == _YEAR_COLUMNS[column.table.name]:
        return True
    return kind in (date, datetime, str)


def _move_row(
    table: str, row: RowMapping, columns: list[Column[object]], moved: DemoCalendar
) -> dict[str, object]:
    by_years = _FIGURE_MOMENTS.get(table, ())
    dark_days = table == "measure" and bool(row.get("dark_days"))
    years = DemoCalendar(moved.today, 12 * moved.years)
    values: dict[str, object] = {}
    for column in columns:
        value = row[column.name]
        figure = column.name in by_years or (dark_days and column.name.startswith("period_"))
        calendar_used = years if figure else moved
        if value is None:
            continue
        if table in _YEAR_COLUMNS and column.name == _YEAR_COLUMNS[table]:
            values[column.name] = value + moved.years
        elif isinstance(value, datetime):
            values[column.name] = calendar_used.moment(value)
        elif isinstance(value, date):
            values[column.name] = calendar_used.day(value)
        elif isinstance(value, str):
            values[column.name] = moved.text(value)
    if table == "incident":  # the hot-times chart counts weekdays: keep each one's
        start, end = row["window_start"], row["window_end"]
        moved_start = _same_weekday(years.moment(start), start.weekday())
        values |= {"window_start": moved_start, "window_end": moved_start + (end - start)}
    if dark_days and row["status"] is MeasureStatus.RUNNING:
        ended = values.get("period_end")
        if isinstance(ended, date) and ended < moved.today:  # the season is over
            values["status"] = MeasureStatus.COMPLETED
    return values


def _same_weekday(moment: datetime, weekday: int) -> datetime:
    """The nearest day to `moment` in the same month that falls on `weekday`."""
    offset = (weekday - moment.weekday() + 3) % 7 - 3
    nearest = moment + timedelta(days=offset)
    if nearest.month != moment.month:
        nearest -= timedelta(days=7 if offset > 0 else -7)
    return nearest


def _refuse_filled_workspace(session: Session) -> None:
    """Demo rows must never mix with a gemeente's real plan."""
    if session.scalar(select(func.count()).select_from(Plan)):
        raise UserError(
            "Deze werkruimte bevat al een plan van aanpak. Demogegevens komen alleen in een "
            "nieuwe, lege werkruimte: maak er een met de opdracht 'demo'."
        )


def _pin_identity(session: Session, rng: random.Random) -> str:
    """Give the workspace row and the reference rows fixed ids and moments."""
    workspace_id = _uuid(rng)
    session.execute(
        update(WorkspaceInfo).values(id=workspace_id, created_at=DEMO_CREATED, is_demo=True)
    )
    session.execute(update(Municipality).values(created_at=DEMO_CREATED, updated_at=DEMO_CREATED))
    return workspace_id


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _spread(total: int, weights: Sequence[float], rng: random.Random) -> list[int]:
    """Split `total` over the months by weight with a little noise; the parts sum to `total`."""
    noisy = [weight * rng.uniform(0.85, 1.15) for weight in weights]
    exact = [total * weight / sum(noisy) for weight in noisy]
    parts = [int(value) for value in exact]
    by_remainder = sorted(range(len(exact)), key=lambda i: parts[i] - exact[i])
    for index in by_remainder[: total - sum(parts)]:
        parts[index] += 1
    return parts


def _weekday(rng: random.Random, year: int, month: int, first: int, last: int) -> date:
    """A Tuesday, Wednesday or Thursday between day `first` and `last` of a month."""
    days = [day for day in range(first, last + 1) if date(year, month, day).weekday() in (1, 2, 3)]
    return date(year, month, rng.choice(days))


def _month_name(month: date) -> str:
    return f"{MONTH_NAMES[month.month - 1]} {month.year}"


def _number(value: float, decimals: int = 0) -> str:
    """Dutch notation: 32.900 and 9,7."""
    formatted = f"{value:,.{decimals}f}"
    return formatted.replace(",", " ").replace(".", ",").replace(" ", ".")


def _amount(value: float, unit: str) -> str:
    """A goal value with its unit, as a Dutch reader writes it: 639 woninginbraken, 48,4%."""
    number = _number(value, 0 if float(value).is_integer() else 1)
    return f"{number}{unit}" if unit == "%" else f"{number} {unit}"


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


@dataclass
class _Area:
    """The gemeente (code None) or a buurt: dwellings per year and monthly figures."""

    code: str | None
    name: str
    dwellings: dict[int, int]
    yearly: dict[int, int] = field(default_factory=dict)
    monthly: list[tuple[date, int, int]] = field(default_factory=list)  # month, done, attempts

    def count(self, year: int) -> int:
        return sum(done + tried for month, done, tried in self.monthly if month.year == year)

    def rate(self, year: int) -> float:
        return 1000 * self.count(year) / self.dwellings[year]


@dataclass(frozen=True)
class _MeetingPlan:
    tier: MeetingTier
    held_on: date
    title: str
    regional: bool = False  # held by the RSIV for all gemeenten, not by this gemeente


class _DemoPlan:
    """Builds one gemeente's demo plan; sections are written in foreign-key order."""

    def __init__(
        self,
        session: Session,
        ref: MunicipalityRef,
        profile: text.MunicipalityProfile,
        seed: int,
        moved: DemoCalendar,
    ) -> None:
        self.session = session
        self.as_of = moved.as_of  # today, in the story's calendar
        self.figures_until = moved.figures_until
        # The figures move by whole years, the plan by months: last month's figures in the
        # minutes of a meeting are this many story months further on.
        self.figure_lag = moved.months - 12 * moved.years
        self.shows_published = moved.years == 0
        # Everything was last edited the day before today.
        self.updated = datetime.combine(self.as_of - timedelta(days=1), time(16, 0), tzinfo=UTC)
        self.ref = ref
        self.profile = profile
        self.place = self.profile.place
        self.lead = f"projectleider gemeente {ref.name}"
        self.seed = seed
        self.rng = random.Random(f"demo-{seed}-{ref.cbs_code}")
        self._ids = random.Random(f"ids-{seed}-{ref.cbs_code}")
        self.plan_id = self._new_id()

    def build(self) -> None:
        self.gemeente = self._gemeente_area()
        self.buurten = self._buurt_areas()
        self.hotspots = self.rng.sample(self.buurten, self.rng.randint(3, 6))
        self._fill_hotspot_figures()
        self.partners = self._choose_partners()
        self.meetings = self._meeting_schedule()
        self._write_plan()
        self._write_areas()
        self._write_incidents()
        self.hot_items = self._write_hot_items()
        self._write_analyses()
        self._write_bylaws()
        self.partner_rows = self._write_partners()
        self._write_goals()
        self.measures = self._write_measures()
        self._write_measure_links()
        self._write_meetings_and_actions()
        evaluation_id = self._write_evaluation()
        self._write_forms()
        self._write_package_log()
        write_demo_b3w(self.session, self.ref.id, evaluation_id, self._new_id, self.updated)
        # Its own random streams: the notities leave the rest of the demo as it was.
        note_ids = random.Random(f"voortgang-ids-{self.seed}-{self.ref.cbs_code}")
        write_progress_notes(
            self.session,
            self.ref.id,
            self.place,
            self.as_of,
            random.Random(f"voortgang-{self.seed}-{self.ref.cbs_code}"),
            lambda: _uuid(note_ids),
            self.updated,
        )
        self._write_left_empty()
        self.session.flush()

    def _write_left_empty(self) -> None:
        """One cell left empty on purpose, with its reason, as the memo argues for
        slachtoffer x repressief; the demo's other empty cell stays a gap to act on. Its id
        comes from its own stream, so the rest of the demo stays as it was."""
        used = {(measure.target_group, measure.intervention) for measure, _ in self.measures}
        ids = random.Random(f"bewust-leeg-{self.seed}-{self.ref.cbs_code}")
        for (group, kind), reason in text.LEFT_EMPTY_REASONS.items():
            if (group, kind) not in used:
                row = DeliberatelyEmptyCell(
                    id=_uuid(ids),
                    municipality_id=self.ref.id,
                    plan_id=self.plan_id,
                    target_group=group,
                    intervention=kind,
                    reason=reason,
                    created_at=DEMO_CREATED,
                    updated_at=self.updated,
                )
                self.session.add(row)
                return

    # --- helpers -------------------------------------------------------------------------

    def _new_id(self) -> str:
        return _uuid(self._ids)

    def _add(self, model: type[ModelT], **values: object) -> ModelT:
        row = model(
            id=self._new_id(),
            municipality_id=self.ref.id,
            created_at=DEMO_CREATED,
            updated_at=self.updated,
            **values,
        )
        self.session.add(row)
        return row

    def _format(self, template: str, **values: str) -> str:
        return template.format(place=self.place, **values)

    # --- figures (pure) --------------------------------------------------------------------

    def _gemeente_area(self) -> _Area:
        dwellings = {2016: self.profile.dwellings_2016}
        for year in YEARS[1:]:
            dwellings[year] = round(dwellings[year - 1] * self.rng.uniform(1.004, 1.012))
        area = _Area(None, self.ref.name, dwellings)
        for index, year in enumerate(YEARS):
            area.yearly[year] = self._yearly_total(year, dwellings[year], index)
        area.monthly = self._monthly_series(area.yearly)
        return area

    def _yearly_total(self, year: int, dwellings: int, index: int) -> int:
        """Published counts and rates win; the rest is the illustrative rate."""
        if year in self.profile.published_counts:
            return self.profile.published_counts[year]
        rates = self.profile.rates
        # A year past the profile's: the decline goes on a little.
        illustrative = rates[index] if index < len(rates) else rates[-1] * 0.94
        rate = self.profile.published_rates.get(year, illustrative)
        return round(rate * dwellings / 1000)

    def _monthly_series(self, yearly: dict[int, int]) -> list[tuple[date, int, int]]:
        attempt_share = self.rng.uniform(0.33, 0.45)
        series = []
        for year in YEARS:
            for month, count in enumerate(_spread(yearly[year], text.MONTH_WEIGHTS, self.rng), 1):
                attempts = sum(self.rng.random() < attempt_share for _ in range(count))
                series.append((date(year, month, 1), count - attempts, attempts))
        return series

    def _buurt_areas(self) -> list[_Area]:
        names = self.rng.sample(text.NEIGHBOURHOOD_NAMES, self.rng.randint(8, 12))
        number = self.ref.cbs_code[2:]
        buurten = []
        for index, name in enumerate(names):
            code = f"BU{number}{index // 3 + 1:02d}{index % 3 + 1:02d}"
            share = self.rng.uniform(0.03, 0.06)
            dwellings = {year: round(self.gemeente.dwellings[year] * share) for year in YEARS}
            buurten.append(_Area(code, name, dwellings))
        return buurten

    def _fill_hotspot_figures(self) -> None:
        """A hotspot buurt has two to three times the gemeente's burglary risk."""
        for area in self.hotspots:
            risk = self.rng.uniform(2.0, 2.8)
            for year in YEARS:
                share = area.dwellings[year] / self.gemeente.dwellings[year]
                area.yearly[year] = round(self.gemeente.yearly[year] * share * risk)
            area.monthly = self._monthly_series(area.yearly)

    # --- plan --------------------------------------------------------------------------------

    def _write_plan(self) -> None:
        operational = [m for m in self.meetings if m.tier is MeetingTier.OPERATIONAL]
        driehoek = next(
            m for m in self.meetings if m.held_on.month == 12 and m.held_on.year == 2017
        )
        self.session.add(
            Plan(
                id=self.plan_id,
                municipality_id=self.ref.id,
                created_at=DEMO_CREATED,
                updated_at=self.updated,
                title=text.PLAN_TITLE.format(name=self.ref.name),
                project_lead=self.lead,
                problem_summary=self._problem_summary(),
                organisation=self._organisation(),
                communication=self._communication(),
                local_start=operational[0].held_on,
                triangle_commitment=driehoek.held_on,
                triangle_assignment=text.TRIANGLE_ASSIGNMENT.format(name=self.ref.name),
                budget=text.BUDGET,
                period_start=date(2018, 1, 1),
                period_end=date(2019, 12, 31),
            )
        )
        self.session.flush()

    def _published_clause(self) -> str:
        """Published figures are named only where they stand in their own years."""
        if not self.shows_published:
            return ""
        counts = self.profile.published_counts
        rates = self.profile.published_rates
        if counts:
            years = " en ".join(f"{year} ({count})" for year, count in sorted(counts.items()))
            return f", behalve de gepubliceerde aantallen woninginbraken over {years}"
        if rates:
            years = " en ".join(f"{year} ({_number(rate, 1)})" for year, rate in rates.items())
            return f", behalve het gepubliceerde inbraakrisico per 1.000 woningen over {years}"
        return ""

    def _problem_summary(self) -> str:
        g = self.gemeente
        hotspot_names = ", ".join(area.name for area in self.hotspots)
        return (
            "Demogegevens: de cijfers en teksten in deze werkruimte zijn illustratief en "
            f"verzonnen{self._published_clause()}.\n\n"
            f"In 2016 registreerde de politie in {self.ref.name} {g.count(2016)} woninginbraken "
            f"inclusief pogingen: {_number(g.rate(2016), 1)} per 1.000 woningen, tegen een "
            "regionaal gemiddelde van 8 en een landelijk gemiddelde van ongeveer 7,3. In 2017 "
            f"waren het er {g.count(2017)} ({_number(g.rate(2017), 1)} per 1.000 woningen). "
            f"De inbraken concentreren zich in {len(self.hotspots)} hotspots: {hotspot_names}. "
            "Het gaat vooral om rijtjeswoningen met een achterpad en verouderd hang- en "
            "sluitwerk, in de donkere maanden tussen 16.00 en 22.00 uur. Een deel van de "
            "inbraken is toe te schrijven aan een kleine groep bekende veelplegers en aan "
            "rondtrekkende daders; de buit wordt deels via opkopers en online verkocht."
        )

    def _organisation(self) -> str:
        others = ", ".join(
            p.name.format(place=self.place, team=self._police_team()) for p in self.partners[3:]
        )
        return (
            f"Opdrachtgever is de driehoek van {self.ref.name} (burgemeester, officier van "
            "justitie en teamchef). De projectleider van de gemeente zit het operationele "
            "overleg woninginbraken voor, dat maandelijks bijeenkomt met de wijkagenten en de "
            f"analist van de politie, het OM en {others}. De projectleider neemt deel aan de "
            "regionale werkgroep van het RSIV (eens per twee maanden) en informeert de driehoek "
            "elk kwartaal over de voortgang. Het strategisch overleg project woninginbraken "
            "borgt de bestuurlijke opdracht."
        )

    def _communication(self) -> str:
        return (
            "Communicatie is een vast agendapunt van het operationele overleg. In de donkere "
            "maanden loopt de campagne 'Doe de deur op slot' via de gemeentelijke website, "
            "sociale media en de huis-aan-huiskrant. Na een inbraak in een hotspot krijgen de "
            "omwonenden een waarschuwingsbrief. Successen (aanhoudingen, dalende cijfers) meldt "
            "de gemeente samen met de politie; cijfers per buurt worden pas gepubliceerd na "
            "afstemming in de driehoek."
        )

    def _police_team(self) -> str:
        return self.ref.police_team or f"basisteam voor {self.place}"

    # --- buurten, dwellings, figures, incidents ------------------------------------------

    def _write_areas(self) -> None:
        for area in self.buurten:
            self._add(Neighbourhood, code=area.code, name=area.name)
        for area in (self.gemeente, *self.buurten):
            for year in YEARS:
                if year > self.figures_until.year:
                    continue
                self._add(
                    DwellingStock,
                    year=year,
                    neighbourhood_code=area.code,
                    dwellings=area.dwellings[year],
                )
        for area in (self.gemeente, *self.hotspots):
            for month, done, tried in area.monthly:
                if month > self.figures_until:
                    continue
                self._add(
                    MonthlyFigure,
                    month=month,
                    neighbourhood_code=area.code,
                    completed=done,
                    attempts=tried,
                )

    def _write_incidents(self) -> None:
        """One incident per burglary counted in a hotspot buurt: incidents and figures agree."""
        recent = sum(area.count(2017) + area.count(2018) for area in self.hotspots)
        first_year = 2017 if recent >= ENOUGH_INCIDENTS else 2016
        for area in self.hotspots:
            for month, done, tried in area.monthly:
                if month.year < first_year or month > self.figures_until:
                    continue
                for index in range(done + tried):
                    start, end = self._incident_window(month)
                    self._add(
                        Incident,
                        window_start=start,
                        window_end=end,
                        neighbourhood_code=area.code,
                        is_attempt=index < tried,
                        modus_operandi=self.rng.choice(text.MODI_OPERANDI),
                    )

    def _incident_window(self, month: date) -> tuple[datetime, datetime]:
        """When a burglary happened: between leaving and coming home, often after dark."""
        last_day = calendar.monthrange(month.year, month.month)[1]
        day = datetime(month.year, month.month, self.rng.randint(1, last_day))
        minutes = self.rng.choice((0, 15, 30, 45))
        roll = self.rng.random()
        if roll < 0.42:  # a working day: gone in the morning, back in the afternoon
            start = day.replace(hour=self.rng.randint(7, 12), minute=minutes)
            return start, start + timedelta(hours=self.rng.randint(2, 9))
        if roll < 0.74:  # an evening out, after dark in the winter
            start = day.replace(hour=self.rng.randint(16, 21), minute=minutes)
            return start, start + timedelta(hours=self.rng.randint(1, 5))
        if roll < 0.88:  # overnight, discovered the next morning
            start = day.replace(hour=self.rng.randint(21, 23), minute=minutes)
            end = (day + timedelta(days=1)).replace(hour=self.rng.randint(6, 9))
            return start, end
        friday = day + timedelta(days=(4 - day.weekday()) % 7)  # a weekend away
        start = friday.replace(hour=self.rng.randint(16, 20), minute=minutes)
        end = (friday + timedelta(days=2)).replace(hour=self.rng.randint(14, 22))
        return start, end

    # --- problem description -------------------------------------------------------------

    def _write_hot_items(self) -> dict[HotKind, list[HotItem]]:
        items: dict[HotKind, list[HotItem]] = {kind: [] for kind in HotKind}
        position = 0
        for area in self.hotspots:
            position += 1
            items[HotKind.HOTSPOT].append(
                self._add(
                    HotItem,
                    plan_id=self.plan_id,
                    kind=HotKind.HOTSPOT,
                    label=area.name,
                    description=(
                        f"{area.count(2016)} woninginbraken in 2016 op ongeveer "
                        f"{_number(area.dwellings[2016])} woningen "
                        f"({_number(area.rate(2016), 1)} per 1.000 woningen; demogegevens)."
                    ),
                    source=self.rng.choice(
                        (InformationSource.AREA_SCAN, InformationSource.HOTSPOT_MONITOR)
                    ),
                    period=text.HOTSPOT_PERIOD,
                    neighbourhood_code=area.code,
                    neighbourhood_name=area.name,
                    position=position,
                )
            )
        others = {HotKind.HOTSHOT: text.HOTSHOT_TEXTS, **text.OTHER_HOT_TEXTS}
        for kind, choices in others.items():
            # Two of each: every list of the Probleembeschrijving has a choice to make.
            for choice in self.rng.sample(choices, min(2, len(choices))):
                position += 1
                items[kind].append(
                    self._add(
                        HotItem,
                        plan_id=self.plan_id,
                        kind=kind,
                        label=choice.label,
                        description=choice.description,
                        source=choice.source,
                        period=choice.period,
                        person_count=self._person_count(kind),
                        position=position,
                    )
                )
        self.session.flush()
        return items

    def _person_count(self, kind: HotKind) -> int | None:
        if kind is HotKind.HOTSHOT:
            return self.rng.randint(4, 9)
        if kind is HotKind.HOTGROUP:
            return self.rng.choice((None, self.rng.randint(6, 15)))
        return None

    def _write_analyses(self) -> None:
        """A mix of states; the first hotspot is analysed again after the new gebiedsscan."""
        states = [AnalysisState.PROCESSED, AnalysisState.RECEIVED, AnalysisState.SENT]
        states += self.rng.choices(
            (AnalysisState.PROCESSED, AnalysisState.NOT_REQUESTED), k=len(self.hotspots) - 3
        )
        hotspot_items = self.hot_items[HotKind.HOTSPOT]
        for item, state in zip(hotspot_items, states, strict=True):
            self._write_analysis(item, state, version=1)
        self._write_analysis(hotspot_items[0], AnalysisState.PROCESSED, version=2)
        self._write_deep_analyses(hotspot_items[:2])

    def _write_analysis(self, item: HotItem, state: AnalysisState, version: int) -> None:
        buurt = item.label
        fields: dict[str, object] = {}
        if state is AnalysisState.PROCESSED:
            year, month = (2017, 10) if version == 1 else (2018, 6)
            sent = _weekday(self.rng, year, month, 16, 27)
            received = sent + timedelta(days=self.rng.randint(14, 24))
            fields = {
                "sent_on": sent,
                "processed_on": received + timedelta(days=self.rng.randint(7, 16)),
                **self._written(buurt, received, with_conclusions=True),
            }
        elif state is AnalysisState.RECEIVED:
            received = self.as_of - timedelta(days=self.rng.randint(5, 20))
            fields = {
                "sent_on": received - timedelta(days=self.rng.randint(14, 28)),
                **self._written(buurt, received, with_conclusions=False),
            }
        elif state is AnalysisState.SENT:
            fields = {"sent_on": self.as_of - timedelta(days=self.rng.randint(5, 20))}
        self._add(HotspotAnalysis, hot_item_id=item.id, version=version, state=state, **fields)

    def _written(self, buurt: str, received: date, *, with_conclusions: bool) -> dict[str, object]:
        """What the wijkagent filled in; the conclusions come when the analysis is processed."""
        fields: dict[str, object] = {
            name: self.rng.choice(options).format(buurt=buurt)
            for name, options in text.ANALYSIS_TEXTS.items()
        }
        if not with_conclusions:
            fields["conclusions"] = ""
        return {
            **fields,
            "received_on": received,
            "written_on": received - timedelta(days=2),
            "author_name": f"wijkagent {buurt}",
            "author_role": f"wijkagent, {self._police_team()}",
        }

    def _write_deep_analyses(self, items: list[HotItem]) -> None:
        first, second = items
        self._add(
            DeepAnalysisRequest,
            hot_item_id=first.id,
            state=DeepAnalysisState.ANSWERED,
            requested_on=_weekday(self.rng, 2017, 11, 20, 30),
            requested_by=self.lead,
            question=text.DEEP_ANALYSIS_QUESTION.format(buurt=first.label),
            answered_on=_weekday(self.rng, 2018, 1, 15, 31),
            summary=text.DEEP_ANALYSIS_ANSWER.format(buurt=first.label),
        )
        if self.rng.random() < 0.5:
            self._add(
                DeepAnalysisRequest,
                hot_item_id=second.id,
                state=DeepAnalysisState.REQUESTED,
                requested_on=self.as_of - timedelta(days=self.rng.randint(10, 30)),
                requested_by=self.lead,
                question=text.DEEP_ANALYSIS_QUESTION.format(buurt=second.label),
            )
        else:
            self._add(
                DeepAnalysisRequest,
                hot_item_id=second.id,
                state=DeepAnalysisState.WITHDRAWN,
                requested_on=_weekday(self.rng, 2018, 3, 5, 23),
                requested_by=self.lead,
                question=text.DEEP_ANALYSIS_QUESTION.format(buurt=second.label),
                summary=text.DEEP_ANALYSIS_WITHDRAWN.format(buurt=second.label),
            )

    def _write_forms(self) -> None:
        """The wijkagent forms behind the analyses that were sent out, and the measures the
        latest analysis of the first hotspot proposes (no random draws: the rest stays put)."""
        self.session.flush()
        for analysis in self.session.scalars(
            select(HotspotAnalysis).where(HotspotAnalysis.sent_on.is_not(None))
        ):
            assert analysis.sent_on is not None
            issued = datetime.combine(analysis.sent_on, time(9, 0), tzinfo=UTC)
            received = analysis.received_on
            self.session.add(
                AnalysisForm(
                    id=self._new_id(),
                    hot_item_id=analysis.hot_item_id,
                    municipality_id=analysis.municipality_id,
                    form_version=analysis.version,
                    issued_at=issued,
                    accepted_at=(
                        datetime.combine(received, time(10, 0), tzinfo=UTC) if received else None
                    ),
                    accepted_version=analysis.version if received else None,
                    created_at=issued,
                    updated_at=issued,
                )
            )
        first = self.hot_items[HotKind.HOTSPOT][0]
        latest = self.session.scalars(
            select(HotspotAnalysis.id)
            .where(HotspotAnalysis.hot_item_id == first.id)
            .order_by(HotspotAnalysis.version.desc())
        ).first()
        for position, (title, group, kind, partner) in enumerate(text.PROPOSED_MEASURES):
            self.session.add(
                ProposedMeasure(
                    id=self._new_id(),
                    analysis_id=latest,
                    municipality_id=first.municipality_id,
                    position=position,
                    title=title,
                    target_group=group,
                    intervention=kind,
                    partner=partner,
                    created_at=DEMO_CREATED,
                    updated_at=self.updated,
                )
            )

    def _write_package_log(self) -> None:
        """The packages sent for the werkgroepen so far; one was forgotten, as happens."""
        held = [day for day in WERKGROEP_DATES if day <= self.as_of]
        forgotten = self.rng.choice(held[1:]) if len(held) > 1 else None
        sequence = 0
        for werkgroep in held:
            if werkgroep == forgotten:
                continue
            sequence += 1
            made = werkgroep - timedelta(days=self.rng.randint(8, 13))
            self.session.add(
                PackageExport(
                    export_id=self._new_id(),
                    sequence=sequence,
                    exported_at=datetime.combine(made, time(10, 30), tzinfo=UTC),
                    file_name=f"pakket-{self.profile.slug}-{made:%d-%m-%Y}.xlsx",
                )
            )
        self.session.execute(update(WorkspaceInfo).values(package_sequence=sequence))

    def _write_bylaws(self) -> None:
        chosen = self.rng.sample(text.BYLAW_TEXTS[1:], self.rng.randint(1, 3))
        statuses = (BylawStatus.IN_PREPARATION, BylawStatus.CONSIDERED, BylawStatus.REJECTED)
        for index, bylaw in enumerate((text.BYLAW_TEXTS[0], *chosen)):
            status = BylawStatus.IN_USE if index == 0 else self.rng.choice(statuses)
            self._add(
                BylawInstrument,
                plan_id=self.plan_id,
                name=bylaw.name,
                description=bylaw.description,
                status=status,
            )

    # --- partners and goals ------------------------------------------------------------------

    def _choose_partners(self) -> list[text.PartnerText]:
        optional = self.rng.sample(text.OPTIONAL_PARTNERS, self.rng.randint(3, 7))
        ordered = sorted(optional, key=text.OPTIONAL_PARTNERS.index)
        return [*text.REQUIRED_PARTNERS, *ordered]

    def _write_partners(self) -> list[Partner]:
        rows = []
        for partner in self.partners:
            rows.append(
                self._add(
                    Partner,
                    name=partner.name.format(place=self.place, team=self._police_team()),
                    kind=partner.kind,
                    role=partner.role,
                    contact_name=partner.contact,
                    contact_email=partner.email.format(slug=self.profile.slug),
                )
            )
        self.session.flush()
        return rows

    def _write_goals(self) -> None:
        g = self.gemeente
        hotspot = self.hotspots[0]
        self._goal(
            f"Inbraakrisico {self.place} onder het landelijk gemiddelde",
            GoalIndicator.BURGLARY_RATE,
            "per 1.000 woningen",
            round(g.rate(2016), 1),
            GOAL_RATE,
            f"driehoek {self.ref.name}",
        )
        self._goal(
            f"Een kwart minder woninginbraken in {self.place}",
            GoalIndicator.BURGLARY_COUNT,
            "woninginbraken per jaar",
            g.count(2016),
            round(g.count(2016) * 0.75),
            self.lead,
        )
        self._goal(
            f"Minder inbraken in hotspot {hotspot.name}",
            GoalIndicator.BURGLARY_COUNT,
            "woninginbraken per jaar",
            hotspot.count(2016),
            round(hotspot.count(2016) * 0.6),
            f"teamchef, {self._police_team()}",
            neighbourhood_code=hotspot.code,
        )
        attempts = sum(tried for month, _, tried in g.monthly if month.year == 2016)
        share = round(100 * attempts / g.count(2016), 1)
        extras = [
            (
                "Meer inbraken blijven bij een poging",
                GoalIndicator.ATTEMPT_SHARE,
                "%",
                share,
                round(share + 8, 1),
                self.lead,
            ),
            (
                "Meer woningen met woonadvies of politiekeurmerk",
                GoalIndicator.OTHER,
                "woningen",
                150.0,
                750.0,
                f"gemeente {self.place}, team Openbare Orde en Veiligheid",
            ),
        ]
        for extra in self.rng.sample(extras, self.rng.randint(0, 2)):
            self._goal(*extra)
        # A goal the burglary figures cannot measure: its values are entered by hand.
        keurmerk = self._goal(
            "50 woningen met het Politiekeurmerk Veilig Wonen",
            GoalIndicator.OTHER,
            "woningen met keurmerk",
            0.0,
            50.0,
            f"gemeente {self.place}, team Openbare Orde en Veiligheid",
        )
        self.session.flush()
        for measured_on, value in text.KEURMERK_MEASUREMENTS:
            if measured_on > self.as_of:
                continue  # not measured yet on the demo's day
            self._add(
                GoalMeasurement,
                goal_id=keurmerk.id,
                measured_on=measured_on,
                value=value,
                source=text.KEURMERK_SOURCE,
                note="Demogegevens (illustratief).",
            )

    def _goal(
        self,
        title: str,
        indicator: GoalIndicator,
        unit: str,
        baseline: float,
        target: float,
        owner: str,
        neighbourhood_code: str | None = None,
    ) -> Goal:
        return self._add(
            Goal,
            plan_id=self.plan_id,
            title=title,
            description=(
                f"Van {_amount(baseline, unit)} in 2016 naar {_amount(target, unit)} eind 2019 "
                "(streefwaarde in de demo)."
            ),
            indicator=indicator,
            unit=unit,
            neighbourhood_code=neighbourhood_code,
            baseline_value=float(baseline),
            baseline_year=2016,
            target_value=float(target),
            deadline=date(2019, 12, 31),
            owner=owner,
        )

    # --- measures --------------------------------------------------------------------------

    def _write_measures(self) -> list[tuple[Measure, text.MeasureDetail]]:
        """Mostly catalogue measures, a few local ones, and one cell left empty on purpose."""
        gap = self.rng.choice(text.GAP_CANDIDATES)
        catalogue = [
            item
            for item in measure_catalogue()
            if (item.target_group, item.intervention) != gap and item.key in text.MEASURE_DETAILS
        ]
        chosen = self.rng.sample(catalogue, self.rng.randint(14, len(catalogue) - 2))
        chosen.sort(key=catalogue.index)
        local = [m for m in text.LOCAL_MEASURES if (m.target_group, m.intervention) != gap]
        measures = [
            self._measure(
                item.title,
                item.target_group,
                item.intervention,
                text.MEASURE_DETAILS[item.key],
                item.key,
            )
            for item in chosen
        ]
        for item in self.rng.sample(local, self.rng.randint(1, 3)):
            measures.append(
                self._measure(item.title, item.target_group, item.intervention, item.detail)
            )
        self.session.flush()
        return measures

    def _measure(
        self,
        title: str,
        target_group: TargetGroup,
        intervention: InterventionKind,
        detail: text.MeasureDetail,
        catalogue_key: str | None = None,
    ) -> tuple[Measure, text.MeasureDetail]:
        status, start, end = self._measure_timing(detail.dark_days)
        description = detail.description
        if status is MeasureStatus.STOPPED:
            description = f"{description} {self.rng.choice(text.STOP_REASONS)}"
        low, high = detail.cost_range
        measure = self._add(
            Measure,
            plan_id=self.plan_id,
            title=title,
            description=description,
            target_group=target_group,
            intervention=intervention,
            partner_id=self._partner_for(detail.partner_kinds).id,
            status=status,
            period_start=start,
            period_end=end,
            dark_days=detail.dark_days,
            extra_cost_eur=round(self.rng.randint(low, high), -2),
            catalogue_key=catalogue_key,
        )
        return measure, detail

    def _measure_timing(self, dark_days: bool) -> tuple[MeasureStatus, date, date]:
        roll = self.rng.random()
        if dark_days:
            if roll < 0.35:
                return MeasureStatus.COMPLETED, date(2017, 10, 1), date(2018, 3, 31)
            return MeasureStatus.RUNNING, date(2018, 10, 1), date(2019, 3, 31)
        start = _add_months(date(2017, 10, 1), self.rng.randint(0, 11))
        if roll < 0.55:
            return MeasureStatus.RUNNING, start, date(2019, 12, 31)
        if roll < 0.72:
            end = _add_months(start, self.rng.randint(3, 9)) - timedelta(days=1)
            return MeasureStatus.COMPLETED, start, min(end, self.as_of)
        if roll < 0.88:
            start = _add_months(date(2019, 2, 1), self.rng.randint(0, 4))
            return MeasureStatus.PLANNED, start, date(2019, 12, 31)
        end = _add_months(start, self.rng.randint(4, 7)) - timedelta(days=1)
        return MeasureStatus.STOPPED, start, min(end, self.as_of)

    def _partner_for(self, kinds: tuple[PartnerKind, ...]) -> Partner:
        """The first partner of a preferred kind; the gemeente itself otherwise."""
        for kind in kinds:
            for partner in self.partner_rows:
                if partner.kind is kind:
                    return partner
        return self.partner_rows[0]

    def _write_measure_links(self) -> None:
        """The matrix's third axis: which hot items each measure aims at."""
        links = []
        for measure, detail in self.measures:
            for kind in detail.hot_kinds:
                items = self.hot_items[kind]
                if kind is HotKind.HOTSPOT and measure.catalogue_key != "hotspot_patrols":
                    items = self.rng.sample(items, self.rng.randint(1, min(3, len(items))))
                links += [{"measure_id": measure.id, "hot_item_id": item.id} for item in items]
        if links:
            self.session.execute(measure_hot_item_table.insert(), links)

    # --- meetings, decisions and actions ---------------------------------------------------

    def _meeting_schedule(self) -> list[_MeetingPlan]:
        """The memo's calendar: monthly locally from October 2017, the werkgroep bimonthly."""
        planned_until = self.as_of + timedelta(days=62)  # the next two months are planned
        meetings = [
            _MeetingPlan(MeetingTier.TACTICAL, held_on, "Werkgroep woninginbraken (RSIV)", True)
            for held_on in WERKGROEP_DATES
            if held_on <= planned_until
        ]
        month = date(2017, 10, 1)
        while month <= planned_until:
            meetings.append(
                _MeetingPlan(
                    MeetingTier.OPERATIONAL,
                    _weekday(self.rng, month.year, month.month, 3, 14),
                    f"Operationeel overleg woninginbraken {self.place}",
                )
            )
            month = _add_months(month, 1)
        strategic = (
            (date(2017, 10, 26), "Strategisch overleg project woninginbraken"),
            (_weekday(self.rng, 2017, 12, 11, 21), f"Driehoek {self.ref.name}: plan van aanpak"),
            (_weekday(self.rng, 2018, 6, 4, 28), "Strategisch overleg project woninginbraken"),
            (_weekday(self.rng, 2018, 10, 15, 31), f"Driehoek {self.ref.name}: voortgang"),
        )
        meetings += [
            _MeetingPlan(MeetingTier.STRATEGIC, day, title, True)
            if title.startswith("Strategisch")
            else _MeetingPlan(MeetingTier.TRIANGLE, day, title)
            for day, title in strategic
            if day <= planned_until
        ]
        return sorted(meetings, key=lambda meeting: (meeting.held_on, meeting.tier))

    def _write_meetings_and_actions(self) -> None:
        """Meetings, then their decisions, then the actions: each refers to the one before."""
        meetings = [
            self._add(
                Meeting,
                tier=plan.tier,
                title=plan.title,
                held_on=plan.held_on,
                location=self._location(plan),
                participants=self._participants(plan),
                agenda=self._agenda(plan),
                minutes=self._minutes(plan),
            )
            for plan in self.meetings
        ]
        self.session.flush()
        decisions = [
            self._write_decisions(meeting, plan)
            for meeting, plan in zip(meetings, self.meetings, strict=True)
        ]
        self.session.flush()
        actions: list[Action] = []
        for meeting, plan, taken in zip(meetings, self.meetings, decisions, strict=True):
            actions += self._write_actions(meeting, plan, taken)
        self._cover_every_state(actions)

    def _location(self, plan: _MeetingPlan) -> str:
        return "Vergaderzaal RSIV, Den Haag" if plan.regional else f"Gemeentehuis {self.place}"

    def _participants(self, plan: _MeetingPlan) -> str:
        if plan.tier is MeetingTier.TACTICAL:
            return text.TACTICAL_PARTICIPANTS
        if plan.regional:
            return text.STRATEGIC_PARTICIPANTS
        if plan.tier is MeetingTier.TRIANGLE:
            return (
                "burgemeester (voorzitter), officier van justitie, teamchef basisteam, "
                f"{self.lead}, coördinator RSIV"
            )
        roles = [f"{self.lead} (voorzitter)", "wijkagenten hotspots", "analist politie"]
        roles += [f"{p.contact} ({p.kind.label})" for p in self.partners[1:]]
        return ", ".join(roles)

    def _agenda(self, plan: _MeetingPlan) -> str:
        if plan.tier is MeetingTier.TACTICAL:
            topic = text.TACTICAL_TOPICS[WERKGROEP_DATES.index(plan.held_on)]
            return text.TACTICAL_AGENDA.format(topic=topic)
        if plan.tier is MeetingTier.OPERATIONAL:
            previous = _add_months(plan.held_on.replace(day=1), -1)
            return text.OPERATIONAL_AGENDA.format(month=_month_name(previous))
        return "1. Voortgang project woninginbraken\n2. Cijfers en knelpunten\n3. Besluitvorming"

    def _minutes(self, plan: _MeetingPlan) -> str:
        if plan.held_on > self.as_of:
            return ""  # not held yet
        if plan.tier is MeetingTier.OPERATIONAL:
            previous = _add_months(plan.held_on.replace(day=1), -1)
            figures = _add_months(previous, self.figure_lag)
            done, tried = next((d, t) for m, d, t in self.gemeente.monthly if m == figures)
            return (
                f"Cijfers {_month_name(previous)}: {done + tried} woninginbraken, waarvan "
                f"{tried} pogingen (demogegevens). Voortgang van de maatregelen besproken en "
                "actielijst bijgewerkt."
            )
        if plan.tier is MeetingTier.TACTICAL:
            topic = text.TACTICAL_TOPICS[WERKGROEP_DATES.index(plan.held_on)]
            return f"{topic}. De {self.lead} lichtte de stand van het plan van aanpak toe."
        return "Voortgang van het project besproken aan de hand van de cijfers en de actielijst."

    def _write_decisions(self, meeting: Meeting, plan: _MeetingPlan) -> list[Decision]:
        if plan.held_on > self.as_of:
            return []
        texts = self.rng.sample(text.DECISIONS[plan.tier.value], self.rng.randint(1, 2))
        seasonal = text.SEASONAL_DECISIONS.get((plan.held_on.year, plan.held_on.month))
        if plan.tier is MeetingTier.OPERATIONAL and seasonal:
            texts.insert(0, seasonal)
        if plan.title.endswith("plan van aanpak"):
            texts.insert(0, text.PLAN_ADOPTED)
        return [
            self._add(
                Decision,
                meeting_id=meeting.id,
                text=self._fill_in(template),
                position=position,
            )
            for position, template in enumerate(texts, 1)
        ]

    def _fill_in(self, template: str, measure: Measure | None = None, month: str = "") -> str:
        measure = measure or self.rng.choice(self.measures)[0]
        return self._format(
            template,
            hotspot=self.rng.choice(self.hotspots).name,
            measure=measure.title,
            month=month,
        )

    def _write_actions(
        self, meeting: Meeting, plan: _MeetingPlan, decisions: list[Decision]
    ) -> list[Action]:
        if plan.held_on > self.as_of:
            templates = []
        elif plan.tier is MeetingTier.OPERATIONAL:
            templates = self._operational_action_texts(plan.held_on)
        elif plan.tier is MeetingTier.TACTICAL:
            templates = self.rng.sample(text.TACTICAL_ACTIONS, self.rng.randint(1, 2))
        else:
            templates = []
        return [self._action(template, meeting, decisions) for template in templates]

    def _operational_action_texts(self, held_on: date) -> list[text.ActionText]:
        count = self.rng.randint(3, 5)
        seasonal = text.SEASONAL_ACTIONS.get((held_on.year, held_on.month))
        chosen = [seasonal] if seasonal else []
        while len(chosen) < count:
            pool = text.MEASURE_ACTIONS if self.rng.random() < 0.55 else text.GENERAL_ACTIONS
            chosen.append(self.rng.choice(pool))
        return chosen

    def _action(
        self, template: text.ActionText, meeting: Meeting, decisions: list[Decision]
    ) -> Action:
        measure = self._measure_near(meeting.held_on) if template.needs_measure else None
        partner = self._partner_of(measure)
        hotspot = self.rng.choice(self.hotspots).name
        title = self._format(
            template.title,
            hotspot=hotspot,
            measure=measure.title if measure else "",
            month=_month_name(meeting.held_on),
        )
        owner = self._format(template.owner, hotspot=hotspot, partner=partner)
        start = meeting.held_on + timedelta(days=self.rng.randint(1, 7))
        due = meeting.held_on + timedelta(days=self.rng.choice((14, 21, 28, 42, 56, 90)))
        status = self._action_status(due)
        decision = self.rng.choice(decisions) if self.rng.random() < 0.4 else None
        return self._add(
            Action,
            plan_id=self.plan_id,
            title=title,
            description=f"Afgesproken in: {meeting.title}, {meeting.held_on:%d-%m-%Y}.",
            owner=owner,
            start_date=start,
            due_date=due,
            status=status,
            completed_on=self._completed_on(start, due) if status is ActionStatus.DONE else None,
            measure_id=measure.id if measure else None,
            meeting_id=meeting.id,
            decision_id=decision.id if decision else None,
        )

    def _measure_near(self, day: date) -> Measure:
        """A measure that has started, or starts within three months of `day`."""
        near = [
            measure
            for measure, _ in self.measures
            if measure.period_start and measure.period_start <= day + timedelta(days=90)
        ]
        return self.rng.choice(near or [measure for measure, _ in self.measures])

    def _partner_of(self, measure: Measure | None) -> str:
        partner = next(
            (p for p in self.partner_rows if measure and p.id == measure.partner_id), None
        )
        return partner.contact_name if partner else self.lead

    def _action_status(self, due: date) -> ActionStatus:
        """Old actions are mostly done; recent ones still open: the list a projectleider knows."""
        if due < self.as_of - timedelta(days=30):
            weights = (2, 3, 89, 6)
        elif due < self.as_of:
            weights = (10, 30, 55, 5)
        else:
            weights = (55, 40, 5, 0)
        return self.rng.choices(list(ActionStatus), weights=weights)[0]

    def _completed_on(self, start: date, due: date) -> date:
        return min(max(start, due + timedelta(days=self.rng.randint(-10, 14))), self.as_of)

    def _cover_every_state(self, actions: list[Action]) -> None:
        """Every status, and an overdue action, show in every demo."""
        old_done = [
            action
            for action in actions
            if action.status is ActionStatus.DONE
            and action.due_date is not None  # every demo action has one; for the type checker
            and action.due_date < self.as_of
        ]
        self.rng.shuffle(old_done)
        overdue = [
            action
            for action in actions
            if action.status in (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)
            and action.due_date is not None
            and action.due_date < self.as_of
        ]
        missing = [
            status for status in ActionStatus if all(a.status is not status for a in actions)
        ]
        if not overdue and ActionStatus.OPEN not in missing:
            missing.append(ActionStatus.OPEN)
        for status, action in zip(missing, old_done, strict=False):
            action.status = status
            action.completed_on = None

    # --- evaluation ------------------------------------------------------------------------

    def _write_evaluation(self) -> str:
        g = self.gemeente
        change = round(100 * (g.count(2017) - g.count(2016)) / g.count(2016))
        active = [m for m, _ in self.measures if m.status is not MeasureStatus.PLANNED]
        working = [m.title for m in active if m.status is not MeasureStatus.STOPPED]
        stopped = [m.title for m in active if m.status is MeasureStatus.STOPPED]
        evaluation = self._add(
            Evaluation,
            plan_id=self.plan_id,
            evaluated_on=None,  # due after 12 months: the plan is in its tenth
            summary=(
                "Evaluatie na 12 maanden, in voorbereiding (demogegevens). Het aantal "
                f"woninginbraken in {self.ref.name} ging van {g.count(2016)} in 2016 naar "
                f"{g.count(2017)} in 2017 ({change:+d}%); het inbraakrisico van "
                f"{_number(g.rate(2016), 1)} naar {_number(g.rate(2017), 1)} per 1.000 woningen."
            ),
            successes=(
                "Goed lopende maatregelen: "
                + "; ".join(self.rng.sample(working, min(3, len(working))))
                + ". De samenwerking in het operationele overleg is versterkt."
            ),
            bottlenecks=(
                "Capaciteit van de politie in de zomermaanden en de doorlooptijd van de "
                "verdiepende analyse." + (f" Gestopt: {'; '.join(stopped)}." if stopped else "")
            ),
            follow_up=(
                "Maatregelen in de hotspots voortzetten tot eind 2019, het plan bijstellen na de "
                "volgende gebiedsscan en succesvolle maatregelen borgen in het reguliere werk."
            ),
        )
        self.session.flush()
        for measure in active:
            decision = self._measure_decision(measure.status)
            self._add(
                MeasureEvaluation,
                evaluation_id=evaluation.id,
                measure_id=measure.id,
                decision=decision,
                explanation=text.EVALUATION_EXPLANATIONS[decision.value],
            )
        return evaluation.id

    def _measure_decision(self, status: MeasureStatus) -> MeasureDecision:
        if status is MeasureStatus.STOPPED:
            return MeasureDecision.STOP
        if status is MeasureStatus.COMPLETED:
            return self.rng.choice((MeasureDecision.EMBED, MeasureDecision.STOP))
        return self.rng.choice((MeasureDecision.CONTINUE, MeasureDecision.EMBED))
