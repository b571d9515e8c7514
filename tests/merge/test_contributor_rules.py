"""Which packages the RSIV takes from a gemeente outside the region: only a bijdrager's."""

from __future__ import annotations

from dataclasses import replace

from app.core.packages.merge_rules import refusal_reason
from app.exchange.metadata import PackageMetadata
from app.kernel.reference import find_municipality

LEIDEN = find_municipality("GM0546")
GOUDA = find_municipality("GM0513")
METADATA = PackageMetadata(
    format_id="aanpak-woninginbraken/pakket",
    format_version=3,
    municipality_code="GM0546",
    municipality_name="Leiden",
    workspace_id="w",
    sequence=1,
    export_id="e",
    exported_at="2026-12-03T10:00:00+00:00",
    app_version="1",
    content_hash="h",
)


def test_a_bijdrager_package_of_a_gemeente_outside_the_region_is_taken() -> None:
    assert LEIDEN is not None and not LEIDEN.is_participant
    assert refusal_reason(replace(METADATA, is_contributor=True), LEIDEN, None, None) is None


def test_a_plain_package_of_a_gemeente_outside_the_region_is_refused() -> None:
    reason = refusal_reason(METADATA, LEIDEN, None, None)
    assert reason is not None and reason.startswith("Leiden (GM0546) neemt niet deel")


def test_a_bijdrager_package_of_a_participant_is_refused() -> None:
    assert GOUDA is not None
    gouda = replace(METADATA, municipality_code="GM0513", municipality_name="Gouda")
    reason = refusal_reason(replace(gouda, is_contributor=True), GOUDA, None, None)
    assert reason is not None
    assert "bijdragerwerkruimte, maar de gemeente neemt deel" in reason
