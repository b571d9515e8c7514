"""The privacy scan: what must not leave the gemeente is found with its place before export."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.packages.export import PrivacyFindingsError, export_package, scan_privacy
from app.exchange.privacy import passes_eleven_test
from app.kernel.workspace import Workspace
from database.models import Meeting


def _set_minutes(workspace: Workspace, text: str) -> None:
    with workspace.transaction() as session:
        meeting = session.query(Meeting).order_by(Meeting.created_at, Meeting.id).first()
        assert meeting is not None
        meeting.minutes = text


def test_eleven_test() -> None:
    assert passes_eleven_test("111222333")
    assert not passes_eleven_test("111222334")
    assert not passes_eleven_test("000000000")


def test_a_bsn_blocks_the_export_even_when_findings_are_accepted(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    _set_minutes(demo_workspace, "Bewoner met BSN 1112.22.333 belde.")
    target = tmp_path / "pakket.xlsx"
    with pytest.raises(PrivacyFindingsError) as refusal:
        export_package(demo_workspace, target, accept_findings=True)
    assert "BSN" in str(refusal.value)
    assert "Overleggen!H2" in str(refusal.value)
    assert not target.exists()
    assert not list(tmp_path.glob("*.xlsx"))


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("Bel 06-12345678 voor de sleutel", "telefoonnummer"),
        ("Mail naar jan.jansen@gmail.com", "e-mailadres"),
        ("Auto met kenteken 12-ABC-3 gezien", "kenteken"),
        ("Inbraak op 2801 AB 12 gemeld", "postcode met huisnummer"),
    ],
)
def test_other_findings_are_shown_with_their_place_and_the_user_decides(
    demo_workspace: Workspace, tmp_path: Path, text: str, what: str
) -> None:
    _set_minutes(demo_workspace, text)
    findings = [f for f in scan_privacy(demo_workspace) if f.place == "Overleggen!H2"]
    assert [f.what for f in findings] == [what]
    assert not findings[0].blocks_export

    with pytest.raises(PrivacyFindingsError, match="Overleggen!H2"):
        export_package(demo_workspace, tmp_path / "pakket.xlsx")
    result = export_package(demo_workspace, tmp_path / "pakket.xlsx", accept_findings=True)
    assert any(f.place == "Overleggen!H2" for f in result.accepted_findings)


def test_only_the_exact_work_addresses_of_partners_are_no_finding(
    demo_workspace: Workspace,
) -> None:
    _set_minutes(
        demo_workspace,
        "Contact: veiligheid@gemeente-gouda.example.nl en buurman@gemeente-gouda.example.nl",
    )
    found = [f.found for f in scan_privacy(demo_workspace) if f.place == "Overleggen!H2"]
    assert found == ["buurman@gemeente-gouda.example.nl"]
