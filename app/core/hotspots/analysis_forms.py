"""The wijkagent's form out and back: make it, check a returned one, accept or reject it.

Making a form records it (form id, version, moment) and marks the analysis 'verstuurd'.
A returned form is checked against that record before anything is shown, and accepting it
is one transaction; a refusal stores nothing. The record travels in the gemeente's package,
so a workspace rebuilt from it reads back forms issued before; a form that was read already
is refused, so reading it twice makes no second version. An accepted answer never overwrites an
analysis that was received or processed: it becomes a new version, so earlier ones stay.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, fields, replace
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app import __version__
from app.core.hotspots.analysis_history import ProposedItem, proposed_items
from app.core.hotspots.hotspots import (
    ANALYSIS_TEXTS,
    AnalysisDraft,
    apply_draft,
    current_version,
    draft_of,
)
from app.core.plan.lookup import existing_plan_id
from app.core.plan.plans import own_municipality_id
from app.core.records import existing, gone
from app.exchange.form_layout import (
    FORM_FORMAT_ID,
    FORM_FORMAT_VERSION,
    FormAnswers,
    FormContent,
    FormMetadata,
    ProposedRow,
    WrittenAnalysis,
)
from app.exchange.form_reader import ReturnedForm, read_form, refuse_form
from app.exchange.privacy import REDACTED, PrivacyFinding, scan_fields
from app.exchange.problems import Problem
from app.kernel.errors import UserError
from app.kernel.files import written_file
from app.kernel.moments import in_dutch_time
from app.kernel.workspace import Workspace
from database.enums import AnalysisState, HotKind
from database.models import AnalysisForm, HotItem, HotspotAnalysis, Plan, ProposedMeasure

SHEET_NAME_LIMIT = 31
_NOT_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\']")
AWAITING = (AnalysisState.NOT_REQUESTED, AnalysisState.SENT)


@dataclass(frozen=True)
class IssuedForm:
    path: Path
    form_id: str
    form_version: int
    hotspot_label: str
    findings: tuple[PrivacyFinding, ...] = ()  # in what the form shows, for the user to see


@dataclass(frozen=True)
class FormPreview:
    """A returned form checked against the workspace: what is there now and what comes in."""

    form: ReturnedForm
    hotspot_id: str
    hotspot_label: str
    current: AnalysisDraft | None
    current_version: int
    current_measures: tuple[ProposedItem, ...]
    findings: tuple[PrivacyFinding, ...] = ()  # the privacy scan of the answers

    @property
    def privacy_lines(self) -> tuple[str, ...]:
        """Each finding as a Dutch sentence, with what to do about it."""
        return tuple(_privacy_line(finding) for finding in self.findings)

    @property
    def incoming(self) -> FormAnswers:
        return self.form.answers

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return self.form.warnings

    @property
    def becomes_new_version(self) -> bool:
        """True when accepting keeps the current analysis as an earlier version."""
        return self.current is not None and not (
            self.current.state is AnalysisState.SENT or _is_blank(self.current)
        )

    def changed_fields(self) -> tuple[str, ...]:
        current = self.current or AnalysisDraft()
        return tuple(n for n in _ANSWERED if getattr(current, n) != getattr(self.incoming, n))

    @property
    def measures_changed(self) -> bool:
        return tuple(item.row for item in self.current_measures) != self.incoming.measures


@dataclass(frozen=True)
class AcceptedForm:
    """What accepting changed, so it can be undone exactly."""

    hotspot_id: str
    form_id: str
    version: int
    replaced: AnalysisDraft | None  # the version's content before, when filled in place
    replaced_measures: tuple[ProposedRow, ...]
    previously_accepted_at: datetime | None
    previously_accepted_version: int | None = None


def make_form(
    workspace: Workspace, hotspot_id: str, path: Path, now: datetime | None = None
) -> IssuedForm:
    """Write a form for the hotspot to `path`, prefilled with its current analysis."""
    from app.core.hotspots.form_facts import HotspotPlace, hotspot_facts
    from app.exchange.form_writer import write_form

    now = now or datetime.now(UTC)
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise UserError(f"Kies een bestandsnaam die eindigt op .xlsx (niet '{path.name}').")
    with workspace.reading() as session:
        item = _hotspot(session, workspace, hotspot_id)
        place = HotspotPlace(
            item.label,
            item.neighbourhood_code or "",
            item.neighbourhood_name or "",
            item.description,
        )
        analysis = current_version(session, hotspot_id)
        analysis_id = analysis.id if analysis else ""
        answers = _answers(analysis, proposed_items(session, analysis))
        plan = existing_plan_id(session, workspace)
        project_lead = session.scalar(select(Plan.project_lead).where(Plan.id == plan)) or ""
        form_version = 1 + (
            session.scalar(
                select(func.max(AnalysisForm.form_version)).where(
                    AnalysisForm.hot_item_id == hotspot_id
                )
            )
            or 0
        )
    from app.core.privacy.redaction import findings as privacy_findings

    # Shown, not refused: the form goes back to the police, and the wijkagent may be the one
    # to correct what is found (a new form is the way to do that).
    shown = {hotspot_id, analysis_id}
    findings = [
        finding
        for finding in privacy_findings(workspace)
        if finding.record_id in shown and not finding.revision_id
    ]
    facts, hot_times = hotspot_facts(workspace, place)
    summary = workspace.summary
    metadata = FormMetadata(
        format_id=FORM_FORMAT_ID,
        format_version=FORM_FORMAT_VERSION,
        form_id=str(uuid.uuid4()),
        form_version=form_version,
        hotspot_id=hotspot_id,
        workspace_id=summary.id,
        municipality_code=summary.municipality_code or "",
        issued_at=_moment(now),
        app_version=__version__,
        sheet=_sheet_name(item.label),
        answer_rows="",
    )
    content = FormContent(
        title=f"Probleemanalyse hotspot {item.label}",
        subtitle=(
            f"Plan van aanpak woninginbraken {summary.municipality_name} · formulier voor de "
            f"wijkagent · versie {form_version} van {now:%d-%m-%Y}"
        ),
        facts=facts,
        hot_times=hot_times,
        answers=answers,
        return_to=f"de projectleider ({project_lead})" if project_lead else "de projectleider",
        metadata=metadata,
    )
    with written_file(path, "Het formulier") as partial:
        write_form(partial, content)
        with workspace.transaction() as session:
            session.add(
                AnalysisForm(
                    id=metadata.form_id,
                    hot_item_id=hotspot_id,
                    municipality_id=own_municipality_id(workspace),
                    form_version=form_version,
                    issued_at=now,
                )
            )
            _mark_sent(session, workspace, hotspot_id, now.date())
    return IssuedForm(path, metadata.form_id, form_version, item.label, tuple(findings))


def preview_form(
    workspace: Workspace, path: Path, expected_hotspot_id: str | None = None
) -> FormPreview:
    """Read and check a returned form; refusals raise FormRefusedError and store nothing."""
    form = read_form(path)
    metadata = form.metadata
    with workspace.reading() as session:
        _check_workspace(session, workspace, metadata)
        item = session.get(HotItem, metadata.hotspot_id)
        if item is None or item.kind is not HotKind.HOTSPOT:
            raise refuse_form(
                "De hotspot van dit formulier bestaat niet meer in deze werkruimte (verwijderd "
                "nadat het formulier is gemaakt). Maak de hotspot opnieuw aan en maak daarvoor "
                "een nieuw formulier."
            )
        if expected_hotspot_id and expected_hotspot_id != item.id:
            chosen = session.get(HotItem, expected_hotspot_id)
            raise refuse_form(
                f"Dit formulier hoort bij hotspot '{item.label}', niet bij de gekozen hotspot "
                f"'{chosen.label if chosen else expected_hotspot_id}'. Kies hotspot "
                f"'{item.label}' in de lijst en lees het formulier daar in."
            )
        _check_record(session, metadata)
        analysis = current_version(session, item.id)
        version = (analysis.version if analysis else 0) + 1
        return FormPreview(
            form=form,
            hotspot_id=item.id,
            hotspot_label=item.label,
            current=draft_of(analysis) if analysis else None,
            current_version=analysis.version if analysis else 0,
            current_measures=proposed_items(session, analysis),
            findings=tuple(
                _form_findings(form.answers, f"probleemanalyse van hotspot '{item.label}'", version)
            ),
        )


def _form_findings(answers: FormAnswers, record: str, version: int) -> list[PrivacyFinding]:
    """The privacy scan of a returned form's answers, shown before the user accepts them."""
    from app.exchange.form_layout import AUTHOR_LABELS, QUESTIONS

    texts = [(q.field, q.heading, getattr(answers, q.field)) for q in QUESTIONS]
    texts += [
        (name, label, getattr(answers, name))
        for name, label in AUTHOR_LABELS.items()
        if name != "written_on"
    ]
    texts += [
        ("proposed_measure", f"Voorgestelde maatregel {n}", f"{row.title} {row.partner}")
        for n, row in enumerate(answers.measures, start=1)
    ]
    return scan_fields(
        "hotspot_analysis", "", f"{record}, formulier (wordt versie {version})", texts
    )


def _privacy_line(finding: PrivacyFinding) -> str:
    found = f"{finding.what} '{finding.found}'"
    if finding.blocks_export:
        advice = (
            "Een BSN mag nooit in een pakket: neem het formulier liever niet over en vraag de "
            "wijkagent om een verbeterd formulier. Neemt u het toch over, vervang het BSN dan "
            f"door '{REDACTED}' voordat u een pakket maakt."
        )
    else:
        advice = "Controleer of dit in de analyse mag staan."
    return f"{finding.where}: {found}. {advice}"


def accept_form(
    workspace: Workspace, preview: FormPreview, today: date | None = None
) -> AcceptedForm:
    """Make the form's answers the current analysis ('ontvangen'), in one transaction."""
    today = today or date.today()
    incoming = preview.incoming
    with workspace.transaction() as session:
        record = existing(session, AnalysisForm, preview.form.metadata.form_id)
        existing(session, HotItem, preview.hotspot_id)  # deleted since the preview
        previously = record.accepted_at
        previous_version = record.accepted_version
        record.accepted_at = datetime.now(UTC)
        analysis = current_version(session, preview.hotspot_id)
        replaced: AnalysisDraft | None = None
        replaced_measures: tuple[ProposedRow, ...] = ()
        if analysis is not None and not preview.becomes_new_version:
            replaced = draft_of(analysis)
            replaced_measures = tuple(item.row for item in proposed_items(session, analysis))
            base = replaced
        else:
            base = AnalysisDraft(sent_on=record.issued_at.date())
            analysis = HotspotAnalysis(
                hot_item_id=preview.hotspot_id,
                municipality_id=own_municipality_id(workspace),
                version=(analysis.version + 1) if analysis else 1,
            )
            session.add(analysis)
        draft = replace(
            base,
            **{name: getattr(incoming, name) for name in _ANSWERED},
            state=AnalysisState.RECEIVED,
            sent_on=base.sent_on or record.issued_at.date(),
            received_on=today,
            processed_on=None,
        )
        apply_draft(analysis, draft)
        session.flush()
        record.accepted_version = analysis.version
        _store_measures(session, analysis.id, incoming.measures)
        return AcceptedForm(
            preview.hotspot_id,
            record.id,
            analysis.version,
            replaced,
            replaced_measures,
            previously,
            previous_version,
        )


def undo_accept(workspace: Workspace, accepted: AcceptedForm) -> None:
    """Put the analysis back as it was before `accept_form`."""
    with workspace.transaction() as session:
        record = existing(session, AnalysisForm, accepted.form_id)
        record.accepted_at = accepted.previously_accepted_at
        record.accepted_version = accepted.previously_accepted_version
        analysis = session.scalars(
            select(HotspotAnalysis).where(
                HotspotAnalysis.hot_item_id == accepted.hotspot_id,
                HotspotAnalysis.version == accepted.version,
            )
        ).first()
        if analysis is None:
            raise gone(HotspotAnalysis)
        if accepted.replaced is None:
            session.delete(analysis)
            return
        apply_draft(analysis, accepted.replaced)
        _store_measures(session, analysis.id, accepted.replaced_measures)


_ANSWERED = tuple(f.name for f in fields(WrittenAnalysis))


def _answers(analysis: HotspotAnalysis | None, measures: tuple[ProposedItem, ...]) -> FormAnswers:
    if analysis is None:
        return FormAnswers()
    values = {name: getattr(analysis, name) for name in _ANSWERED if name != "written_on"}
    return FormAnswers(**values, measures=tuple(item.row for item in measures))


def _store_measures(session: Session, analysis_id: str, rows: tuple[ProposedRow, ...]) -> None:
    session.execute(delete(ProposedMeasure).where(ProposedMeasure.analysis_id == analysis_id))
    municipality_id = existing(session, HotspotAnalysis, analysis_id).municipality_id
    for position, row in enumerate(rows):
        session.add(
            ProposedMeasure(
                analysis_id=analysis_id,
                municipality_id=municipality_id,
                position=position,
                title=row.title,
                target_group=row.target_group,
                intervention=row.intervention,
                partner=row.partner,
            )
        )


def _check_workspace(session: Session, workspace: Workspace, metadata: FormMetadata) -> None:
    """A form belongs here when this workspace made it, or when its record came along in the
    gemeente's own package (a workspace rebuilt on a new laptop or by a new projectleider)."""
    summary = workspace.summary
    if metadata.workspace_id == summary.id:
        return
    if summary.municipality_code and metadata.municipality_code == summary.municipality_code:
        if session.get(AnalysisForm, metadata.form_id) is not None:
            return
        raise refuse_form(
            f"Dit formulier is gemaakt in een andere werkruimte van {summary.display_name} en "
            "staat niet in de pakketten die hier zijn ingelezen. Lees eerst een pakket in dat "
            "die werkruimte na het maken van het formulier heeft gemaakt, of maak een nieuw "
            "formulier voor de wijkagent."
        )
    raise refuse_form(
        f"Dit formulier is gemaakt in een andere werkruimte (gemeente "
        f"{metadata.municipality_code or 'onbekend'}), niet in deze werkruimte van "
        f"{summary.display_name}. Lees het in de werkruimte in waarin het formulier is gemaakt."
    )


def _check_record(session: Session, metadata: FormMetadata) -> None:
    record = session.get(AnalysisForm, metadata.form_id)
    if record is None:
        raise refuse_form(
            "Dit formulier is niet in deze werkruimte gemaakt, of de werkruimte is teruggezet "
            "naar een reservekopie van vóór het formulier. Maak een nieuw formulier voor de "
            "wijkagent."
        )
    if (
        record.hot_item_id != metadata.hotspot_id
        or record.form_version != metadata.form_version
        or _moment(record.issued_at) != metadata.issued_at
    ):
        raise refuse_form(
            "De verborgen gegevens van het formulier (blad Metadata) passen niet bij het "
            "formulier dat deze werkruimte maakte: ze zijn gewijzigd, dus het formulier wordt "
            "niet vertrouwd. Maak een nieuw formulier voor de wijkagent."
        )
    if record.accepted_at is not None:
        read_as = (
            f" als versie {record.accepted_version} van de analyse"
            if record.accepted_version
            else ""
        )
        raise refuse_form(
            f"Dit formulier (versie {record.form_version}, gemaakt op "
            f"{in_dutch_time(record.issued_at):%d-%m-%Y}) is al ingelezen op "
            f"{in_dutch_time(record.accepted_at):%d-%m-%Y}{read_as}; nogmaals inlezen slaat "
            "niets nieuws op. Moet de analyse worden aangevuld, maak dan een nieuw formulier "
            "voor de wijkagent."
        )
    newer = session.scalars(
        select(AnalysisForm)
        .where(
            AnalysisForm.hot_item_id == record.hot_item_id,
            AnalysisForm.accepted_at.is_not(None),
            AnalysisForm.form_version > record.form_version,
        )
        .order_by(AnalysisForm.form_version.desc())
    ).first()
    if newer is not None:
        assert newer.accepted_at is not None
        raise refuse_form(
            f"Dit is formulier versie {record.form_version} (gemaakt op "
            f"{in_dutch_time(record.issued_at):%d-%m-%Y}), maar versie {newer.form_version} "
            f"(gemaakt op {in_dutch_time(newer.issued_at):%d-%m-%Y}) is al ingelezen op "
            f"{in_dutch_time(newer.accepted_at):%d-%m-%Y}. Een "
            "ouder formulier wordt niet meer ingelezen; vraag de wijkagent zo nodig het "
            "nieuwste formulier aan te vullen."
        )


def _mark_sent(session: Session, workspace: Workspace, hotspot_id: str, day: date) -> None:
    """The analysis asked for with this form is 'verstuurd'; a received or processed one
    stays as it is and a new version, with its text, waits for the answer."""
    analysis = current_version(session, hotspot_id)
    if analysis is None or analysis.state not in AWAITING:
        carried = draft_of(analysis) if analysis else AnalysisDraft()
        fresh = HotspotAnalysis(
            hot_item_id=hotspot_id,
            municipality_id=own_municipality_id(workspace),
            version=(analysis.version + 1) if analysis else 1,
        )
        apply_draft(fresh, replace(carried, received_on=None, processed_on=None, written_on=None))
        session.add(fresh)
        if analysis is not None:
            session.flush()
            _store_measures(
                session, fresh.id, tuple(item.row for item in proposed_items(session, analysis))
            )
        analysis = fresh
    analysis.state = AnalysisState.SENT
    analysis.sent_on = day


def _hotspot(session: Session, workspace: Workspace, hotspot_id: str) -> HotItem:
    item = session.get(HotItem, hotspot_id)
    if item is None or item.kind is not HotKind.HOTSPOT:
        raise UserError(
            f"Hotspot '{hotspot_id}' bestaat niet in deze werkruimte. Kies een van deze "
            f"hotspots: {_hotspot_names(session)}."
        )
    own_municipality_id(workspace)
    return item


def find_hotspot(workspace: Workspace, reference: str) -> str:
    """The id of the hotspot the user means by its name, buurtcode or id.

    People know a hotspot by its name or its buurtcode, not by the id in 'dump'; a
    reference that fits none, or more than one, is refused with the names to choose from.
    """
    wanted = reference.strip().casefold()
    with workspace.reading() as session:
        hotspots = session.scalars(
            select(HotItem).where(HotItem.kind == HotKind.HOTSPOT).order_by(HotItem.position)
        ).all()
        for matches in (
            [item for item in hotspots if item.id == reference.strip()],
            [item for item in hotspots if item.label.strip().casefold() == wanted],
            [
                item
                for item in hotspots
                if (item.neighbourhood_code or "").casefold() == wanted
                or (item.neighbourhood_name or "").strip().casefold() == wanted
            ],
        ):
            if len(matches) == 1:
                return matches[0].id
            if len(matches) > 1:
                raise UserError(
                    f"Meer dan één hotspot heet of ligt in '{reference}'. Geef de naam van "
                    f"één hotspot: {_hotspot_names(session)}."
                )
        if not hotspots:
            raise UserError(
                f"Hotspot '{reference}' bestaat niet: deze werkruimte heeft nog geen hotspots. "
                "Voeg eerst een hotspot toe bij Probleembeschrijving."
            )
        raise UserError(
            f"Hotspot '{reference}' bestaat niet in deze werkruimte. Kies een van deze "
            f"hotspots (naam of buurtcode): {_hotspot_names(session)}."
        )


def _hotspot_names(session: Session) -> str:
    items = session.scalars(
        select(HotItem).where(HotItem.kind == HotKind.HOTSPOT).order_by(HotItem.position)
    ).all()
    if not items:
        return "(nog geen hotspots)"
    return ", ".join(
        f"'{item.label}' ({item.neighbourhood_code})" if item.neighbourhood_code else item.label
        for item in items
    )


def _is_blank(draft: AnalysisDraft) -> bool:
    return not any(getattr(draft, name).strip() for name in ANALYSIS_TEXTS)


def _moment(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _sheet_name(label: str) -> str:
    name = _NOT_IN_SHEET_NAME.sub(" ", label).strip()[:SHEET_NAME_LIMIT].strip()
    return name or "Probleemanalyse"
