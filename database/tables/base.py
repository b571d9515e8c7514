"""The metadata, its naming convention and the columns every exchanged record has."""

from enum import StrEnum

from sqlalchemy import Column, Enum, ForeignKey, MetaData, String

from database.types import UTCDateTime, new_uuid, utc_now

# Alembic's batch mode on SQLite needs named constraints to alter them later.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

UUID_LENGTH = 36

metadata = MetaData(naming_convention=NAMING_CONVENTION)


def enum_column(enum_class: type[StrEnum]) -> Enum:
    """Store an enumeration by its English value, as plain text (no native enum in SQLite)."""
    return Enum(
        enum_class,
        values_callable=lambda members: [member.value for member in members],
        native_enum=False,
        create_constraint=False,
        validate_strings=True,
        length=32,
    )


def parent_column(parent: str) -> Column:
    """The link to the record this one belongs to: required, indexed, deleted along with it."""
    return Column(
        f"{parent}_id",
        String(UUID_LENGTH),
        ForeignKey(f"{parent}.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    )


def identified_columns() -> list[Column]:
    """A stable UUID and creation/update moments."""
    return [
        Column("id", String(UUID_LENGTH), primary_key=True, default=new_uuid),
        Column("created_at", UTCDateTime, nullable=False, default=utc_now),
        Column("updated_at", UTCDateTime, nullable=False, default=utc_now, onupdate=utc_now),
    ]


def exchanged_columns() -> list[Column]:
    """A record that travels in a package: it knows the gemeente it belongs to."""
    return [parent_column("municipality"), *identified_columns()]
