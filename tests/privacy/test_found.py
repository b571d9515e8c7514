"""Each way personal data left the gemeente unflagged (issue 16, "Found"), now closed."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from app.cli import main
from app.core.course.revisions import freeze_revision
from app.core.packages.export import PrivacyFindingsError, export_package, scan_privacy
from app.core.packages.importer import preview_import
from app.core.packages.merge import merge_package
from app.core.privacy.redaction import redact
from app.exchange.problems import PackageRefusedError
from app.exchange.schema import V1
from app.kernel.workspace import Workspace, create_workspace
from database.enums import HotKind, WorkspaceRole

BSN = "111222333"  # passes the 11-proef


def _sql(workspace: Workspace, statement: str, *values: object) -> None:
    with workspace.transaction() as session:
        session.connection().exec_driver_sql(statement, values)


def _minutes(workspace: Workspace, text: str) -> None:
    _sql(workspace, "UPDATE meeting SET minutes = ? WHERE id = (SELECT min(id) FROM meeting)", text)


def _found(workspace: Workspace) -> list[tuple[str, str]]:
    return [(finding.what, finding.found) for finding in scan_privacy(workspace)]


@pytest.mark.parametrize(
    ("table", "field"),
    [
        ("hot_item", "neighbourhood_code"),
        ("hot_item", "neighbourhood_name"),
        ("goal", "neighbourhood_code"),
        ("neighbourhood", "code"),
        ("neighbourhood", "name"),
        ("partner", "contact_phone"),
        ("measure", "catalogue_key"),
        ("monthly_figure", "neighbourhood_code"),
        ("dwelling_stock", "neighbourhood_code"),
    ],
)
def test_a_bsn_in_any_code_or_text_column_blocks_the_export(
    demo_workspace: Workspace, tmp_path: Path, table: str, field: str
) -> None:
    _sql(
        demo_workspace,
        f"UPDATE {table} SET {field} = ? WHERE id = (SELECT min(id) FROM {table})",
        BSN,
    )
    with pytest.raises(PrivacyFindingsError) as refusal:
        export_package(demo_workspace, tmp_path / "pakket.xlsx", accept_findings=True)
    column = V1.sheet(table).column(field).header
    assert f"veld {column}" in str(refusal.value) and "BSN" in str(refusal.value)
    assert not (tmp_path / "pakket.xlsx").exists()


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("BSN 111 222 333", "BSN"),
        ("BSN 111.222.333", "BSN"),
        ("bel +31 (0)6 12345678", "telefoonnummer"),
        ("bel 06-1234 5678", "telefoonnummer"),
        ("auto ab-12-cd", "kenteken"),
        ("adres 2801AB12", "postcode met huisnummer"),
    ],
)
def test_spellings_that_passed_are_found_in_the_export_scan(
    demo_workspace: Workspace, text: str, what: str
) -> None:
    _minutes(demo_workspace, text)
    assert [w for w, _ in _found(demo_workspace)] == [what]


def test_a_partners_address_no_longer_whitelists_its_domain(demo_workspace: Workspace) -> None:
    _sql(demo_workspace, "UPDATE partner SET contact_email = 'contact@nl'")
    _sql(
        demo_workspace,
        "UPDATE partner SET contact_email = 'wijk@hetnet.nl' "
        "WHERE id = (SELECT min(id) FROM partner)",
    )
    _minutes(demo_workspace, "Buurman: buur@hetnet.nl, ook iemand@voorbeeld.nl en wijk@hetnet.nl")
    assert _found(demo_workspace) == [
        ("e-mailadres", "buur@hetnet.nl"),
        ("e-mailadres", "iemand@voorbeeld.nl"),
    ]


def test_names_and_birth_dates_are_found(demo_workspace: Workspace) -> None:
    _minutes(demo_workspace, "Verdachte Jan de Vries (geb. 12-03-1990) is aangehouden.")
    assert _found(demo_workspace) == [
        ("naam van een persoon", "Jan de Vries"),
        ("geboortedatum", "geb. 12-03-1990"),
    ]


def _revision_cell(package: Path) -> tuple[openpyxl.Workbook, openpyxl.cell.Cell]:
    workbook = openpyxl.load_workbook(package)
    sheet = workbook["Planversie-inhoud"]
    column = 1 + V1.sheet("plan_revision_part").fields.index("content")
    assert sheet.max_row == 2, "one revision in one part"
    return workbook, sheet.cell(row=2, column=column)


@pytest.mark.parametrize(
    ("edit", "said"),
    [
        (lambda text: text[:-5], "geen leesbaar document"),
        (
            lambda text: json.dumps({**json.loads(text), "extra": []}),
            "onderdelen die een planversie niet heeft (extra)",
        ),
        (
            lambda text: json.dumps(
                {
                    "format": 1,
                    "tables": {
                        **json.loads(text)["tables"],
                        "incident": {"fields": ["id"], "rows": []},
                    },
                }
            ),
            "een tabel die een planversie niet heeft (incident)",
        ),
        (
            lambda text: json.dumps(
                {
                    "format": 1,
                    "tables": {
                        **json.loads(text)["tables"],
                        "plan": {"fields": ["bsn", "id"], "rows": [[BSN, "p1"]]},
                    },
                }
            ),
            "velden die een planversie niet heeft (bsn)",
        ),
    ],
)
def test_plan_version_content_that_cannot_be_checked_is_refused_on_import(
    new_workspace: Callable[..., Workspace],
    tmp_path: Path,
    edit: Callable[[str], str],
    said: str,
) -> None:
    source = new_workspace()
    freeze_revision(source, "voor werkgroep maart")
    package = tmp_path / "pakket.xlsx"
    export_package(source, package)
    workbook, cell = _revision_cell(package)
    cell.value = edit(str(cell.value))
    workbook.save(package)

    with pytest.raises(PackageRefusedError) as refusal:
        preview_import(new_workspace(), package)
    message = str(refusal.value)
    assert "Planversie 'voor werkgroep maart'" in message and said in message
    assert "Er is niets ingelezen." in message


def test_plan_version_content_that_cannot_be_checked_never_leaves_without_a_finding(
    new_workspace: Callable[..., Workspace], tmp_path: Path
) -> None:
    workspace = new_workspace()
    freeze_revision(workspace, "voor werkgroep maart")
    _sql(workspace, "UPDATE plan_revision_part SET content = content || ' \"bsn\": 1'")
    with pytest.raises(PrivacyFindingsError) as refusal:
        export_package(workspace, tmp_path / "pakket.xlsx", accept_findings=True)
    [finding] = refusal.value.findings
    assert finding.blocks_export and "Planversie 'voor werkgroep maart'" in finding.sentence
    redact(workspace, [finding.key])  # the way out: the revision keeps no records
    export_package(workspace, tmp_path / "pakket.xlsx")


def _named_hotshot(package: Path, tmp_path: Path) -> Path:
    workbook = openpyxl.load_workbook(package)
    sheet = workbook["Hots"]
    hots = V1.sheet("hot_item")
    kind = 1 + hots.fields.index("kind")
    label = 1 + hots.fields.index("label")
    row = next(
        r for r in range(2, sheet.max_row + 1) if sheet.cell(r, kind).value == HotKind.HOTSHOT.label
    )
    sheet.cell(row, label).value = "Jan de Vries"
    edited = tmp_path / "met-naam.xlsx"
    workbook.save(edited)
    return edited


def test_a_named_person_in_a_hotshot_row_is_never_merged_or_imported(
    demo_package: Path, new_workspace: Callable[..., Workspace], tmp_path: Path
) -> None:
    edited = _named_hotshot(demo_package, tmp_path)
    with create_workspace(tmp_path / "rsiv.db", WorkspaceRole.REGION, is_demo=True) as rsiv:
        outcome = merge_package(rsiv, edited, backup=False)
        assert outcome.refusal is not None
        assert "Hotshot 'Jan de Vries'" in str(outcome.refusal)
        assert "zonder namen" in str(outcome.refusal)
        assert merge_package(rsiv, demo_package, backup=False).merged
    with pytest.raises(PackageRefusedError, match="zonder namen"):
        preview_import(new_workspace(), edited)


def test_other_findings_in_an_incoming_package_are_shown_before_it_is_accepted(
    demo_package: Path, new_workspace: Callable[..., Workspace], tmp_path: Path
) -> None:
    workbook = openpyxl.load_workbook(demo_package)
    sheet = workbook["Overleggen"]
    sheet.cell(2, 1 + V1.sheet("meeting").fields.index("minutes")).value = "Bel 06-12345678."
    workbook.save(tmp_path / "met-nummer.xlsx")
    preview = preview_import(new_workspace(), tmp_path / "met-nummer.xlsx")
    [problem] = [p for p in preview.problems if "telefoonnummer" in p.message]
    assert not problem.is_error and "veld Verslag (Overleggen!H2)" in problem.message


def test_a_demo_package_is_refused_by_a_real_workspace_and_a_real_one_by_a_demo_workspace(
    demo_package: Path, new_workspace: Callable[..., Workspace], tmp_path: Path
) -> None:
    with pytest.raises(PackageRefusedError, match="demowerkruimte en bevat verzonnen gegevens"):
        preview_import(new_workspace(demo=False), demo_package)
    with create_workspace(tmp_path / "rsiv.db", WorkspaceRole.REGION) as real_rsiv:
        outcome = merge_package(real_rsiv, demo_package, backup=False)
        assert outcome.refusal is not None and "verzonnen gegevens" in str(outcome.refusal)

    real = new_workspace(demo=False)
    real_package = tmp_path / "echt.xlsx"
    export_package(real, real_package)
    with pytest.raises(PackageRefusedError, match="echte werkruimte; deze werkruimte is een demo"):
        preview_import(new_workspace(), real_package)
    with create_workspace(tmp_path / "demo-rsiv.db", WorkspaceRole.REGION, is_demo=True) as rsiv:
        outcome = merge_package(rsiv, real_package, backup=False)
        assert outcome.refusal is not None and "demowerkruimte" in str(outcome.refusal)


def test_the_command_line_reads_in_a_package_with_findings_only_when_they_are_accepted(
    demo_package: Path,
    new_workspace: Callable[..., Workspace],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    workbook = openpyxl.load_workbook(demo_package)
    sheet = workbook["Overleggen"]
    sheet.cell(2, 1 + V1.sheet("meeting").fields.index("minutes")).value = "Bel 06-12345678."
    edited = tmp_path / "met-nummer.xlsx"
    workbook.save(edited)
    target = new_workspace()
    database = target.path
    target.close()
    capsys.readouterr()

    assert main(["import", "--db", str(database), str(edited)]) == 1
    shown = capsys.readouterr().err
    assert "telefoonnummer '06-12345678'" in shown and "--accept-findings" in shown
    assert main(["import", "--db", str(database), str(edited), "--accept-findings"]) == 0
    assert "Pakket ingelezen" in capsys.readouterr().out

    rsiv = tmp_path / "rsiv.db"
    create_workspace(rsiv, WorkspaceRole.REGION, is_demo=True).close()
    assert main(["import", "--db", str(rsiv), str(edited)]) == 1
    assert "--accept-findings" in capsys.readouterr().err
    assert main(["import", "--db", str(rsiv), str(edited), "--accept-findings"]) == 0
