"""The national series: seeded with the published figures, editable by the user."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.figures.figures import load_figures
from app.core.figures.national_reference import (
    NationalYear,
    national_series,
    remove_national_year,
    set_national_year,
)
from app.kernel.errors import FieldError
from app.kernel.workspace import create_workspace
from database.enums import WorkspaceRole


def test_seeded_corrected_extended_and_used(tmp_path: Path) -> None:
    with create_workspace(tmp_path / "w.db", WorkspaceRole.MUNICIPALITY, "GM0513") as workspace:
        seeded = {entry.year: entry for entry in national_series(workspace)}
        assert {year: entry.burglaries for year, entry in seeded.items()} == {
            2016: 55_730,
            2017: 49_315,
            2018: 42_798,
        }
        assert seeded[2016].rate == pytest.approx(7.247, abs=0.001)

        set_national_year(workspace, NationalYear(2018, 42_798, 7_740_000, "CBS 1-1-2018"))
        set_national_year(workspace, NationalYear(2019, 40_000, 7_800_000, "eigen schatting"))
        remove_national_year(workspace, 2016)
        rates = load_figures(workspace).national_rates
        assert list(rates.index) == [2017, 2018, 2019]
        assert rates[2018] == pytest.approx(42_798 / 7_740_000 * 1000)

        with pytest.raises(FieldError):
            set_national_year(workspace, NationalYear(2019, 10, 0, ""))
