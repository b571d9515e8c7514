"""Checks between sheets survive cells that were refused on their own sheet."""

from __future__ import annotations

from app.exchange.validator import SheetRecords, Validation, check_relations
from app.exchange.versions import CURRENT

VALID_ID = "0b0e4a0e-1c2d-4e5f-8a9b-0c1d2e3f4a5b"


def test_a_second_plan_row_with_a_refused_id_is_no_crash() -> None:
    """A refused ID is stored as None; next to a valid plan ID it once raised TypeError when
    the plan IDs were sorted."""
    width = len(CURRENT.sheet("plan").columns)
    validation = Validation()
    validation.records["plan"] = SheetRecords(
        records=[(None,) * width, (VALID_ID,) + (None,) * (width - 1)], row_numbers=[2, 3]
    )

    check_relations(CURRENT, validation)

    assert not validation.has_errors  # the refused cell was reported by validate_sheet
