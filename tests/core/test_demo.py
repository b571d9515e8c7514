"""The demo workspace: complete for every gemeente, reproducible, and free of personal data."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import pytest

from app.core.inspection.dump import dump_workspace
from app.core.plan.plans import REGION_OWNER_CODE, REGION_PLAN_TITLE
from app.demo.gemeente import fill_demo
from app.kernel.errors import UserError
from app.kernel.reference import (
    MunicipalityRef,
    find_municipality,
    measure_catalogue,
    municipalities,
    municipality_id,
    participants,
)
from app.kernel.workspace import create_workspace
from database.enums import ActionStatus, HotKind, MeetingTier, WorkspaceRole

Dump = dict[str, list[dict]]
REPO = Path(__file__).resolve().parents[2]
# The demo is dated around the day it is made; the tests freeze that day.
TODAY = date(2026, 12, 3)
# On this day the demo plays in the memo's own calendar: plan from 1 January 2018.
MEMO_TODAY = date(2018, 10, 15)


def _demo_dump(folder: Path, cbs_code: str, seed: int = 2017, today: date = TODAY) -> Dump:
    path = folder / f"{cbs_code}-{seed}-{today}.db"
    with create_workspace(path, WorkspaceRole.MUNICIPALITY, cbs_code, is_demo=True) as workspace:
        fill_demo(workspace, seed=seed, today=today)
        return dump_workspace(workspace)


@pytest.fixture(scope="module")
def demos(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Dump]:
    """One demo per participating gemeente, built once for the whole module."""
    folder = tmp_path_factory.mktemp("demos")
    return {ref.cbs_code: _demo_dump(folder, ref.cbs_code) for ref in participants()}


def _dates(dump: Dump, table: str, column: str) -> list[date]:
    return [date.fromisoformat(row[column][:10]) for row in dump[table] if row[column]]


def _rows(dump: Dump, table: str, **where: object) -> list[dict]:
    return [row for row in dump[table] if all(row[k] == v for k, v in where.items())]


def _yearly(dump: Dump, year: int, neighbourhood_code: str | None = None) -> int:
    return sum(
        row["completed"] + row["attempts"]
        for row in _rows(dump, "monthly_figure", neighbourhood_code=neighbourhood_code)
        if row["month"].startswith(str(year))
    )


GEMEENTEN = [pytest.param(ref, id=ref.cbs_code) for ref in participants()]


@pytest.mark.parametrize("ref", GEMEENTEN)
def test_the_plan_is_marked_as_demo_and_follows_the_memo_calendar(
    demos: dict[str, Dump], ref: MunicipalityRef
) -> None:
    (plan,) = demos[ref.cbs_code]["plan"]
    assert plan["title"].startswith("DEMO \u2013 ")  # an en dash, as in Dutch typography
    first_sentence = plan["problem_summary"].split(".")[0]
    assert "illustratief" in first_sentence and "Demogegevens" in first_sentence
    assert plan["project_lead"] == f"projectleider gemeente {ref.name}"
    # Today (3 December 2026) is in the plan's tenth month; local work began before it.
    assert (plan["period_start"], plan["period_end"]) == ("2026-03-01", "2027-12-31")
    assert plan["title"].endswith("2026\u20132027")
    assert plan["local_start"].startswith("2025-12")
    assert plan["triangle_commitment"].startswith("2026-02")
    assert plan["organisation"] and plan["communication"]


@pytest.mark.parametrize("ref", GEMEENTEN)
def test_every_record_kind_is_there_in_the_required_numbers(
    demos: dict[str, Dump], ref: MunicipalityRef
) -> None:
    dump = demos[ref.cbs_code]
    counts = {table: len(rows) for table, rows in dump.items()}
    assert 8 <= counts["neighbourhood"] <= 12
    assert 2 <= counts["bylaw_instrument"] <= 4
    assert 6 <= counts["partner"] <= 10
    assert 4 <= counts["goal"] <= 6  # one of them measured by hand
    assert counts["goal_measurement"] == 3  # quarterly, the fourth lies after the demo's day
    assert 15 <= counts["measure"] <= 40
    assert 40 <= counts["action"] <= 120
    assert counts["evaluation"] == 1
    for table in ("measure_hot_item", "decision", "measure_evaluation", "deep_analysis_request"):
        assert counts[table] > 0, table
    assert counts["incident"] >= 50
    assert {row["kind"] for row in dump["hot_item"]} == {kind.value for kind in HotKind}
    assert 3 <= len(_rows(dump, "hot_item", kind="hotspot")) <= 6
    assert all(row["municipality_id"] == ref.id for row in dump["measure"] + dump["incident"])


@pytest.mark.parametrize("ref", GEMEENTEN)
def test_buurten_hotspots_and_their_analyses(demos: dict[str, Dump], ref: MunicipalityRef) -> None:
    dump = demos[ref.cbs_code]
    buurten = {row["code"]: row["name"] for row in dump["neighbourhood"]}
    assert all(re.fullmatch(rf"BU{ref.cbs_code[2:]}\d{{4}}", code) for code in buurten)
    hotspots = _rows(dump, "hot_item", kind="hotspot")
    assert all(
        buurten[item["neighbourhood_code"]] == item["neighbourhood_name"] for item in hotspots
    )
    analyses = {row["hot_item_id"]: row for row in dump["hotspot_analysis"]}
    assert set(analyses) == {item["id"] for item in hotspots}
    states = {row["state"] for row in dump["hotspot_analysis"]}
    assert {"processed", "received", "sent"} <= states
    text_fields = ("offender", "victim_target", "environment", "times", "conclusions")
    for row in _rows(dump, "hotspot_analysis", state="processed"):
        assert all(row[name] for name in text_fields) and row["processed_on"]


@pytest.mark.parametrize("ref", GEMEENTEN)
def test_meetings_follow_the_three_tiers_and_the_werkgroep_calendar(
    demos: dict[str, Dump], ref: MunicipalityRef
) -> None:
    meetings = demos[ref.cbs_code]["meeting"]
    assert {row["tier"] for row in meetings} == {tier.value for tier in MeetingTier}
    werkgroep = sorted(
        row["held_on"][:7] for row in _rows(demos[ref.cbs_code], "meeting", tier="tactical")
    )
    assert werkgroep == [
        "2026-01",
        "2026-03",
        "2026-05",
        "2026-07",
        "2026-09",
        "2026-11",
        "2027-01",
    ]
    operational = {row["held_on"][:7] for row in meetings if row["tier"] == "operational"}
    assert {f"2026-{month:02d}" for month in range(1, 13)} <= operational
    assert all(row["participants"] and row["agenda"] for row in meetings)
    # A meeting still to come has an agenda but no minutes, decisions or actions yet.
    coming = {row["id"] for row in meetings if date.fromisoformat(row["held_on"]) > TODAY}
    assert coming
    assert all(not row["minutes"] for row in meetings if row["id"] in coming)
    taken = demos[ref.cbs_code]["decision"] + demos[ref.cbs_code]["action"]
    assert not [row for row in taken if row["meeting_id"] in coming]


@pytest.mark.parametrize("ref", GEMEENTEN)
def test_the_action_list_has_every_state_links_and_overdue_actions(
    demos: dict[str, Dump], ref: MunicipalityRef
) -> None:
    actions = demos[ref.cbs_code]["action"]
    assert {row["status"] for row in actions} == {status.value for status in ActionStatus}
    assert all(row["owner"] and row["start_date"] and row["due_date"] for row in actions)
    for link in ("measure_id", "meeting_id", "decision_id"):
        assert any(row[link] for row in actions), link
    still_open = [row for row in actions if row["status"] in ("open", "in_progress")]
    late = [row for row in still_open if date.fromisoformat(row["due_date"]) < TODAY]
    # A realistic list: mostly done, some running, a few late; nothing done in the future.
    assert 1 <= len(late) <= 10
    assert len([row for row in actions if row["status"] == "done"]) > len(actions) / 2
    assert all(row["completed_on"] for row in actions if row["status"] == "done")
    assert max(_dates(demos[ref.cbs_code], "action", "completed_on")) <= TODAY


@pytest.mark.parametrize("ref", GEMEENTEN)
def test_figures_run_up_to_last_month_with_a_dark_days_season(
    demos: dict[str, Dump], ref: MunicipalityRef
) -> None:
    dump = demos[ref.cbs_code]
    hotspot_codes = {row["neighbourhood_code"] for row in _rows(dump, "hot_item", kind="hotspot")}
    per_area = Counter(row["neighbourhood_code"] for row in dump["monthly_figure"])
    # January 2024 up to November 2026, the last complete month.
    assert per_area == dict.fromkeys([None, *hotspot_codes], 35)
    assert max(row["month"] for row in dump["monthly_figure"]) == "2026-11-01"
    assert max(_dates(dump, "incident", "window_start")) < TODAY.replace(day=1)
    stock = {(row["year"], row["neighbourhood_code"]) for row in dump["dwelling_stock"]}
    buurten = [None, *(row["code"] for row in dump["neighbourhood"])]
    assert stock == {(year, code) for year in (2024, 2025, 2026) for code in buurten}
    dark_days = [row for row in dump["measure"] if row["dark_days"]]
    assert all(row["period_start"][5:] == "10-01" for row in dark_days)
    assert all(row["period_end"][5:] == "03-31" for row in dark_days)
    for year in (2024, 2025):
        months = _rows(dump, "monthly_figure", neighbourhood_code=None)
        dark = sum(
            r["completed"] + r["attempts"]
            for r in months
            if r["month"].startswith(str(year)) and int(r["month"][5:7]) in (1, 2, 3, 10, 11, 12)
        )
        assert dark > _yearly(dump, year) - dark


def test_yearly_totals_match_the_published_figures_in_the_memo_calendar(tmp_path: Path) -> None:
    gouda, delft, rijswijk = (
        _demo_dump(tmp_path, code, today=MEMO_TODAY) for code in ("GM0513", "GM0503", "GM0603")
    )
    assert "gepubliceerde aantallen" in gouda["plan"][0]["problem_summary"]
    assert (_yearly(gouda, 2016), _yearly(gouda, 2017)) == (639, 504)
    assert _yearly(rijswijk, 2016) == 189
    stock = {
        row["year"]: row["dwellings"]
        for row in _rows(delft, "dwelling_stock", neighbourhood_code=None)
    }
    assert round(1000 * _yearly(delft, 2016) / stock[2016], 1) == 9.7
    assert round(1000 * _yearly(delft, 2017) / stock[2017], 1) == 7.5


@pytest.mark.parametrize("ref", GEMEENTEN)
def test_incidents_are_time_windows_in_hotspot_buurten(
    demos: dict[str, Dump], ref: MunicipalityRef
) -> None:
    dump = demos[ref.cbs_code]
    hotspot_codes = {row["neighbourhood_code"] for row in _rows(dump, "hot_item", kind="hotspot")}
    windows = [
        (datetime.fromisoformat(row["window_start"]), datetime.fromisoformat(row["window_end"]))
        for row in dump["incident"]
    ]
    assert {row["neighbourhood_code"] for row in dump["incident"]} <= hotspot_codes
    assert all(start < end for start, end in windows)
    assert any(start.date() != end.date() for start, end in windows)
    assert any(start.weekday() >= 4 and (end - start).days >= 1 for start, end in windows)
    assert any(row["is_attempt"] for row in dump["incident"])


@pytest.mark.parametrize("ref", GEMEENTEN)
def test_the_matrix_shows_a_gap_the_catalogue_could_fill(
    demos: dict[str, Dump], ref: MunicipalityRef
) -> None:
    filled = {(row["target_group"], row["intervention"]) for row in demos[ref.cbs_code]["measure"]}
    catalogue_cells = {
        (item.target_group.value, item.intervention.value) for item in measure_catalogue()
    }
    assert catalogue_cells - filled
    from_catalogue = [row for row in demos[ref.cbs_code]["measure"] if row["catalogue_key"]]
    assert len(from_catalogue) > len(demos[ref.cbs_code]["measure"]) / 2


PERSON_NAME = re.compile(r"\b[A-Z][a-z]+\s+(?:(?:van|de|der|den|ter|el)\s+)*[A-Z][a-z]+\b")
BIRTH_DATE = re.compile(r"\b\d{1,2}[-/]\d{1,2}[-/](?:19|20)\d{2}\b")


@pytest.mark.parametrize("ref", GEMEENTEN)
def test_hotshots_hold_a_label_and_a_count_never_a_name(
    demos: dict[str, Dump], ref: MunicipalityRef
) -> None:
    hotshots = _rows(demos[ref.cbs_code], "hot_item", kind="hotshot")
    assert hotshots
    for item in hotshots:
        assert re.fullmatch(r"veelpleger-groep [A-Z]", item["label"])
        assert item["person_count"] and item["person_count"] > 0
        for value in (item["label"], item["description"]):
            assert not PERSON_NAME.search(value), value
            assert not BIRTH_DATE.search(value), value


def test_contacts_are_role_mailboxes(demos: dict[str, Dump]) -> None:
    for dump in demos.values():
        for partner in dump["partner"]:
            assert partner["contact_email"].endswith(".example.nl")
            assert not PERSON_NAME.search(partner["contact_name"])


def test_published_figures_are_not_claimed_for_other_years(demos: dict[str, Dump]) -> None:
    for dump in demos.values():
        summary = dump["plan"][0]["problem_summary"]
        assert "gepubliceerd" not in summary and "illustratief" in summary


def test_same_seed_and_day_give_the_same_dump_and_another_seed_or_day_another(
    tmp_path: Path,
) -> None:
    first = json.dumps(_demo_dump(tmp_path / "a", "GM0513"), ensure_ascii=False)
    again = json.dumps(_demo_dump(tmp_path / "b", "GM0513"), ensure_ascii=False)
    other = json.dumps(_demo_dump(tmp_path / "c", "GM0513", seed=2018), ensure_ascii=False)
    later = _demo_dump(tmp_path / "d", "GM0513", today=date(2027, 6, 20))
    assert first == again
    assert first != other
    assert later["plan"][0]["period_start"] == "2026-09-01"


@pytest.mark.parametrize(
    "today", [date(2026, 12, 3), date(2027, 1, 31), date(2027, 6, 20), date(2027, 9, 1)]
)
def test_the_demo_plays_in_the_tenth_month_of_its_plan(tmp_path: Path, today: date) -> None:
    dump = _demo_dump(tmp_path, "GM0503", today=today)
    start = date.fromisoformat(dump["plan"][0]["period_start"])
    assert start.day == 1
    assert (today.year - start.year) * 12 + today.month - start.month == 9
    # What has happened happened before today: figures, minutes, answers, packages.
    assert max(_dates(dump, "monthly_figure", "month")) < today.replace(day=1)
    held = [row for row in dump["meeting"] if row["minutes"]]
    assert max(date.fromisoformat(row["held_on"]) for row in held) <= today
    for table, column in (
        ("action", "completed_on"),
        ("hotspot_analysis", "received_on"),
        ("hotspot_analysis", "sent_on"),
        ("package_export", "exported_at"),
        ("plan_revision", "frozen_at"),
    ):
        assert max(_dates(dump, table, column)) <= today, (table, column)
    # A question sent to a wijkagent waits weeks, not years.
    waiting = [
        date.fromisoformat(row["sent_on"])
        for row in dump["hotspot_analysis"]
        if row["state"] == "sent"
    ]
    assert all((today - sent).days < 60 for sent in waiting)
    assert dump["evaluation"][0]["evaluated_on"] is None  # due after twelve months


def test_a_demo_is_made_quickly(tmp_path: Path) -> None:
    with create_workspace(tmp_path / "w.db", WorkspaceRole.MUNICIPALITY, "GM0513") as workspace:
        started = time.perf_counter()
        fill_demo(workspace)
        assert time.perf_counter() - started < 1.5
        assert workspace.summary.is_demo


def test_demo_data_never_lands_in_a_workspace_that_has_a_plan(tmp_path: Path) -> None:
    with create_workspace(tmp_path / "w.db", WorkspaceRole.MUNICIPALITY, "GM0503") as workspace:
        fill_demo(workspace)
        before = dump_workspace(workspace)
        with pytest.raises(UserError, match="bevat al een plan van aanpak"):
            fill_demo(workspace, seed=1)
        assert dump_workspace(workspace) == before


def test_an_rsiv_demo_keeps_reference_data_and_its_own_werkgroep(tmp_path: Path) -> None:
    with create_workspace(tmp_path / "r.db", WorkspaceRole.REGION) as workspace:
        fill_demo(workspace)
        dump = dump_workspace(workspace)
        assert workspace.summary.is_demo
    assert [plan["title"] for plan in dump["plan"]] == [REGION_PLAN_TITLE]
    assert dump["measure"] == [] and dump["hot_item"] == []
    assert {meeting["tier"] for meeting in dump["meeting"]} == {MeetingTier.TACTICAL.value}
    # The reference list and the RSIV's own row, which its meetings and actions belong to.
    assert len(dump["municipality"]) == len(municipalities()) + 1
    assert dump["workspace_info"][0]["is_demo"] is True


def _cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def test_cli_demo_dump_and_check(tmp_path: Path, isolated_data_dir: Path) -> None:
    env = {**os.environ, "WONINGINBRAKEN_DATA_DIR": str(isolated_data_dir)}
    db = str(tmp_path / "gouda.db")
    made = _cli("demo", "--db", db, "--gemeente", "GM0513", "--peildatum", "2026-12-03", env=env)
    assert made.returncode == 0, made.stderr
    dumped = _cli("dump", "--db", db, env=env)
    assert dumped.returncode == 0, dumped.stderr
    dump = json.loads(dumped.stdout)
    gouda = find_municipality("GM0513")
    assert gouda is not None
    (plan,) = dump["plan"]
    assert plan["title"] == "DEMO \u2013 Plan van aanpak woninginbraken Gouda 2026\u20132027"
    assert plan["municipality_id"] == gouda.id
    # The RSIV's merge bookkeeping, notes, werkgroep suggestions and incident counts exist only
    # in the regional workspace; feedback from the RSIV arrives only after a werkgroep; the log
    # of packages made fills with the first export, the log of removals with the first removal;
    # the demo's figures are the police's own files, not CBS open data.
    regional_only = {
        "open_data_figure",
        "incident_count",
        "privacy_redaction",
        "package_export",
        "imported_package",
        "merged_record",
        "rsiv_note",
        "werkgroep_suggestion",
        "rsiv_feedback",
    }
    empty = [table for table in dump if not dump[table] and table not in regional_only]
    assert not empty, empty
    checked = _cli("check", "--db", db, env=env)
    assert checked.returncode == 0, checked.stderr
    assert "integriteit: in orde" in checked.stdout


def test_cli_rsiv_demo_merges_every_gemeente_demo_package(
    tmp_path: Path, isolated_data_dir: Path
) -> None:
    env = {**os.environ, "WONINGINBRAKEN_DATA_DIR": str(isolated_data_dir)}
    db = str(tmp_path / "rsiv.db")
    made = _cli("demo", "--db", db, "--rsiv", env=env)
    assert made.returncode == 0, made.stderr
    assert "Den Haag (basisteam Laak) samengevoegd (9 van 9)" in made.stdout
    dump = json.loads(_cli("dump", "--db", db, env=env).stdout)
    participating = {m.id for m in municipalities() if m.is_participant}
    own = municipality_id(REGION_OWNER_CODE)
    assert {plan["municipality_id"] for plan in dump["plan"]} == participating | {own}
    assert {p["outcome"] for p in dump["imported_package"]} == {"merged"}
    # Every gemeente's latest package was merged; its earlier ones are in the log as read in.
    latest = Counter(p["municipality_id"] for p in dump["imported_package"] if p["added"])
    assert latest == dict.fromkeys(participating, 1)
    assert dump["workspace_info"][0]["is_demo"] is True
    # A new demo holds nothing to lose: no backups before its merges fill the user's folder.
    assert not list(isolated_data_dir.rglob("*.db"))
    checked = _cli("check", "--db", db, env=env)
    assert checked.returncode == 0 and "integriteit: in orde" in checked.stdout
