"""Checks on text a user types, raising FieldError with a Dutch sentence for that field."""

from __future__ import annotations

from app.exchange.field_rules import max_length
from app.exchange.schema import EXCEL_TEXT_LIMIT
from app.kernel.errors import FieldError

# Excel's limit for one cell: every text must fit in the exchange package.
MAX_TEXT = EXCEL_TEXT_LIMIT


def dutch_number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def required_text(field: str, value: str, what: str, max_chars: int = MAX_TEXT) -> str:
    """`value` stripped; refused when empty or longer than `max_chars`."""
    text = value.strip()
    if not text:
        raise FieldError(field, f"Vul {what} in; dit veld mag niet leeg zijn.")
    return limited_text(field, text, max_chars)


def limited_text(field: str, value: str, max_chars: int = MAX_TEXT) -> str:
    """`value` stripped at its ends; refused when longer than `max_chars`."""
    text = value.strip()
    if len(text) > max_chars:
        raise FieldError(
            field,
            f"Deze tekst is {dutch_number(len(text))} tekens lang; het maximum is "
            f"{dutch_number(max_chars)}. Maak de tekst korter.",
        )
    return text


def field_text(table: str, field: str, value: str) -> str:
    """`value` stripped; refused when longer than the package schema allows for `table.field`."""
    return limited_text(field, value, max_length(table, field))


def required_field_text(table: str, field: str, value: str, what: str) -> str:
    """`value` stripped; refused when empty or longer than the package allows for `table.field`."""
    return required_text(field, value, what, max_length(table, field))
