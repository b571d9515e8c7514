"""Numbers as Dutch readers write them: a decimal comma and a point between thousands."""

from __future__ import annotations


def dutch_number(value: float, decimals: int | None = None) -> str:
    """1234.5 -> '1.234,5'; whole numbers without decimals unless `decimals` is given."""
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 1
    text = f"{value:,.{decimals}f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")
