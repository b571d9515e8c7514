"""The werkgroep in the demo: the RSIV's own calendar with minutes, decisions and actions, and
each gemeente's two-monthly voortgangsnotities.

Both are written in the story's calendar (the memo's werkgroepen from November 2017) and move
with the rest of the demo so that today falls between them: the werkgroepen before today have
minutes and actions, the next ones are planned. All figures in the texts are illustrative.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import update
from sqlalchemy.orm import Session

from app.analysis.periods import MONTH_NAMES
from app.core.meetings.werkgroep_calendar import WERKGROEP_DATES
from app.core.plan.plans import action_plan_id, meeting_owner_for_writing
from app.demo import content as text
from app.kernel.workspace import Workspace
from database.enums import ActionStatus, MeetingTier
from database.models import Action, Decision, Meeting, Municipality, Plan, ProgressNote

# The werkgroep goes on after the memo's calendar, every two months, up to the evaluations.
LATER_WERKGROEPEN = (date(2019, 1, 17), date(2019, 3, 21), date(2019, 5, 16))
LATER_TOPICS = (
    "Evaluaties na 12 maanden per gemeente",
    "Regionale samenvatting van de evaluaties voor het RBO",
    "Borging in het reguliere werk",
)
WERKGROEP_TITLE = "Werkgroep woninginbraken"
PLANNED_AHEAD = timedelta(days=130)  # the next two werkgroepen are in the calendar
NOTES_KEPT = 5
PERIOD_DAYS = 74  # the first notitie covers the two months before the first werkgroep

RSIV_DECISIONS = (
    "Elke gemeente levert twee weken voor de volgende werkgroep een voortgangsnotitie en een "
    "nieuw pakket aan.",
    "De goede voorbeelden uit de gemeenten komen in de terugkoppeling aan alle gemeenten.",
    "Het RSIV stelt de RBO-rapportage op uit de pakketten die binnen zijn.",
    "Gemeenten zonder doelstelling voor een hotspot vullen die aan vóór de volgende werkgroep.",
)
RSIV_ACTIONS = (
    ("Herinnering sturen aan gemeenten zonder nieuw pakket", "coördinator RSIV"),
    ("Werkgroeprapportage verspreiden onder de deelnemers", "coördinator RSIV"),
    ("Goede voorbeelden verzamelen voor de terugkoppeling", "coördinator RSIV"),
    ("RBO-rapportage voorbereiden", "coördinator RSIV"),
    ("Analist politie vragen om de regionale cijfers", "veiligheidsadviseur politie"),
)

SUCCESSES = (
    "{count} woonadviezen gegeven in de hotspots; de buurtpreventie loopt in {place} met "
    "vaste rondes (demogegevens).",
    "Twee aanhoudingen op heterdaad na een Burgernet-actie in {place} (demogegevens).",
    "De waarschuwingsbrieven na een inbraak gaan nu binnen twee dagen de deur uit.",
    "Meer meldingen van verdachte situaties sinds de WhatsApp-buurtgroepen zijn gestart.",
)
BOTTLENECKS = (
    "De woningcorporatie plant het hang- en sluitwerk pas later in het jaar.",
    "Te weinig capaciteit bij de wijkagenten voor de probleemanalyses in de donkere maanden.",
    "Bewoners van huurwoningen zijn moeilijk te bereiken voor de preventieavonden.",
    "De cijfers per buurt komen pas zes weken na afloop van de maand.",
)
COMMUNICATION = (
    "Bericht in de huis-aan-huiskrant en op de website van de gemeente over inbraakpreventie.",
    "Buurtavond in {place} met politie en woningcorporatie; flyers in de hotspots.",
    "Campagne 'Donkere dagen' op sociale media van gemeente en politie.",
)
COSTS = (
    "Preventiemiddelen en flyers: {amount} euro (demogegevens).",
    "Inzet handhaving in de avonduren: {amount} euro extra (demogegevens).",
    "Subsidie inbraakwerend hang- en sluitwerk: {amount} euro toegekend (demogegevens).",
)

NewId = Callable[[], str]


def write_progress_notes(
    session: Session,
    municipality_id: str,
    place: str,
    as_of: date,
    rng: random.Random,
    new_id: NewId,
    updated: datetime,
) -> None:
    """A voortgangsnotitie before each werkgroep held so far (the latest few), in story time."""
    held = [day for day in WERKGROEP_DATES if day <= as_of][-NOTES_KEPT:]
    start = held[0] - timedelta(days=PERIOD_DAYS) if held else as_of
    for werkgroep in held:
        # Written two weeks before the werkgroep, over the time since the previous notitie.
        end = werkgroep - timedelta(days=14)
        written = end + timedelta(days=rng.randint(1, 5))
        session.add(
            ProgressNote(
                id=new_id(),
                municipality_id=municipality_id,
                period_start=start,
                period_end=end,
                successes=rng.choice(SUCCESSES).format(place=place, count=rng.randint(12, 60)),
                bottlenecks=rng.choice(BOTTLENECKS),
                communication=rng.choice(COMMUNICATION).format(place=place),
                costs=rng.choice(COSTS).format(
                    amount=f"{rng.randint(4, 40) * 250:,}".replace(",", ".")
                ),
                author=f"projectleider gemeente {place}",
                written_at=datetime.combine(written, time(9, rng.randint(0, 59)), tzinfo=UTC),
                created_at=datetime.combine(written, time(9, 0), tzinfo=UTC),
                updated_at=updated,
            )
        )
        start = end + timedelta(days=1)


def write_werkgroep_calendar(
    session: Session, workspace: Workspace, as_of: date, rng: random.Random, new_id: NewId
) -> None:
    """The RSIV's werkgroepen around `as_of` (story time): minutes, decisions and actions for
    those held, an agenda for the planned ones."""
    owner = meeting_owner_for_writing(session, workspace)
    plan_id = action_plan_id(session, workspace)
    moment = datetime.combine(as_of - timedelta(days=1), time(16, 0), tzinfo=UTC)
    fixed = {"created_at": datetime(2017, 10, 2, 8, 0, tzinfo=UTC), "updated_at": moment}
    session.execute(update(Municipality).where(Municipality.id == owner).values(**fixed))
    session.execute(update(Plan).where(Plan.id == plan_id).values(**fixed))
    calendar = [
        *zip(WERKGROEP_DATES, text.TACTICAL_TOPICS, strict=True),
        *zip(LATER_WERKGROEPEN, LATER_TOPICS, strict=True),
    ]
    for held_on, topic in calendar:
        if held_on > as_of + PLANNED_AHEAD:
            break
        held = held_on <= as_of
        meeting = Meeting(
            id=new_id(),
            municipality_id=owner,
            tier=MeetingTier.TACTICAL,
            title=f"{WERKGROEP_TITLE} {_month(held_on)}",
            held_on=held_on,
            location="Vergaderzaal RSIV, Den Haag",
            participants=text.TACTICAL_PARTICIPANTS,
            agenda=text.TACTICAL_AGENDA.format(topic=topic),
            minutes=(
                f"{topic}. De projectleiders lichtten hun voortgangsnotities toe; successen en "
                "knelpunten zijn gedeeld."
                if held
                else ""
            ),
            **fixed,
        )
        session.add(meeting)
        session.flush()  # the decision and actions refer to it
        if not held:
            continue
        decision = Decision(
            id=new_id(),
            municipality_id=owner,
            meeting_id=meeting.id,
            text=rng.choice(RSIV_DECISIONS),
            position=1,
            **fixed,
        )
        session.add(decision)
        session.flush()
        for title, action_owner in rng.sample(RSIV_ACTIONS, 2):
            due = held_on + timedelta(days=rng.choice((14, 28, 42)))
            status = _status(due, as_of, rng)
            session.add(
                Action(
                    id=new_id(),
                    municipality_id=owner,
                    plan_id=plan_id,
                    title=title,
                    description=f"Afgesproken in de werkgroep van {held_on:%d-%m-%Y}.",
                    owner=action_owner,
                    start_date=held_on + timedelta(days=1),
                    due_date=due,
                    status=status,
                    completed_on=min(due, as_of) if status is ActionStatus.DONE else None,
                    meeting_id=meeting.id,
                    decision_id=decision.id if rng.random() < 0.5 else None,
                    **fixed,
                )
            )


def _status(due: date, as_of: date, rng: random.Random) -> ActionStatus:
    """Old actions done, a few late; the recent ones open or running."""
    if due < as_of - timedelta(days=30):
        return rng.choices((ActionStatus.DONE, ActionStatus.IN_PROGRESS), weights=(9, 1))[0]
    if due < as_of:
        return rng.choice((ActionStatus.DONE, ActionStatus.IN_PROGRESS, ActionStatus.OPEN))
    return rng.choice((ActionStatus.OPEN, ActionStatus.IN_PROGRESS))


def _month(day: date) -> str:
    return f"{MONTH_NAMES[day.month - 1]} {day.year}"
