"""Measures that work, to share in the werkgroep as best practice.

The rule, written down so the werkgroep can weigh it (also in the handleiding):
a measure counts as working when
1. the gemeente's evaluation decided to embed it in regular work ("borgen in regulier werk"), or
2. it is running or completed (not planned, not stopped) in a gemeente whose 12-month burglary
   rate is lower than at its baseline (2016, or the baseline of its rate goal).
Rule 2 is a signal, not proof: a falling rate has many causes. Measures are grouped by their
catalogue entry (or, without one, by their title), most widely used first, so a practice that
works in several gemeenten heads the list.

A bijdrager (a gemeente outside the region that shares its practices, such as Leiden; see
docs/bijdragers.md) adds every measure it runs, planned or completed: it sent them as
examples. Its measures count nowhere else in the region's figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.kernel.workspace import Workspace
from database.enums import InterventionKind, MeasureDecision, MeasureStatus, TargetGroup
from database.models import Measure, MeasureEvaluation, Municipality

if TYPE_CHECKING:
    from app.core.region.overview import RegionalOverview

ACTIVE = (MeasureStatus.RUNNING, MeasureStatus.COMPLETED)

RULE_TEXT = (
    "Een maatregel 'werkt' als de evaluatie van de gemeente besloot hem te borgen in het "
    "reguliere werk, of als hij loopt of is afgerond in een gemeente waar het inbraakrisico "
    "(12 maanden) lager is dan bij de nulmeting. Een dalend risico heeft meer oorzaken: lees "
    "dit als een signaal om te bespreken, niet als bewijs."
)


@dataclass(frozen=True)
class BestPractice:
    title: str
    target_group: TargetGroup
    intervention: InterventionKind
    embedded_in: tuple[str, ...]  # gemeenten whose evaluation embeds it
    falling_rate_in: tuple[str, ...]  # gemeenten with a falling rate where it runs
    contributed_by: tuple[str, ...] = ()  # bijdragers that sent it as an example
    description: str = ""  # the first description found among its measures

    @property
    def gemeenten(self) -> tuple[str, ...]:
        return tuple(sorted({*self.embedded_in, *self.falling_rate_in, *self.contributed_by}))


@dataclass
class _Group:
    """The measures of one catalogue entry (or title) that count as working, being gathered."""

    title: str
    target_group: TargetGroup
    intervention: InterventionKind
    embedded_in: set[str] = field(default_factory=set)
    falling_rate_in: set[str] = field(default_factory=set)
    contributed_by: set[str] = field(default_factory=set)
    description: str = ""

    def practice(self) -> BestPractice:
        return BestPractice(
            self.title,
            self.target_group,
            self.intervention,
            tuple(sorted(self.embedded_in)),
            tuple(sorted(self.falling_rate_in)),
            tuple(sorted(self.contributed_by)),
            self.description,
        )


def best_practices(workspace: Workspace, overview: RegionalOverview) -> tuple[BestPractice, ...]:
    """The working measures of all gemeenten with a package, grouped; see the module's rule."""
    falling = {
        row.cbs_code
        for row in overview.included
        if row.rate is not None and row.rate.change is not None and row.rate.change < 0
    }
    groups: dict[str, _Group] = {}
    with workspace.reading() as session:
        embedded = set(
            session.scalars(
                select(MeasureEvaluation.measure_id).where(
                    MeasureEvaluation.decision == MeasureDecision.EMBED
                )
            )
        )
        # Columns, not Measure objects: a region of hundreds of gemeenten has thousands.
        rows = session.execute(
            select(
                Measure.id,
                Measure.title,
                Measure.description,
                Measure.catalogue_key,
                Measure.status,
                Measure.target_group,
                Measure.intervention,
                Municipality.cbs_code,
                Municipality.name,
                Municipality.is_participant,
            )
            .join(Municipality, Municipality.id == Measure.municipality_id)
            .order_by(Municipality.name, Measure.title)
        )
        for measure in rows:
            code, name, participates = measure.cbs_code, measure.name, measure.is_participant
            # Only contributors' packages bring measures of gemeenten outside the region.
            contributed = not participates and measure.status is not MeasureStatus.STOPPED
            is_embedded = participates and measure.id in embedded
            runs_where_falling = participates and measure.status in ACTIVE and code in falling
            if not (is_embedded or runs_where_falling or contributed):
                continue
            key = measure.catalogue_key or measure.title.strip().casefold()
            group = groups.setdefault(
                key, _Group(measure.title, measure.target_group, measure.intervention)
            )
            group.description = group.description or measure.description.strip()
            if is_embedded:
                group.embedded_in.add(name)
            if runs_where_falling:
                group.falling_rate_in.add(name)
            if contributed:
                group.contributed_by.add(name)
    practices = [group.practice() for group in groups.values()]
    practices.sort(key=lambda p: (-len(p.gemeenten), -len(p.embedded_in), p.title.casefold()))
    return tuple(practices)
