"""Gemeenten, their buurten and dwelling stock, and partners."""

from sqlalchemy import Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from database.enums import PartnerKind
from database.models.base import Base, Exchanged, Identified, enum_column


class Municipality(Identified, Base):
    """A participating gemeente (or basisteam area), identified by its CBS code."""

    __tablename__ = "municipality"

    cbs_code: Mapped[str] = mapped_column(String(6), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    police_team: Mapped[str | None] = mapped_column(String(100))
    is_participant: Mapped[bool] = mapped_column(default=True)


class Neighbourhood(Exchanged, Base):
    """A buurt (CBS buurtcode), the unit of hotspots and figures."""

    __tablename__ = "neighbourhood"
    __table_args__ = (UniqueConstraint("municipality_id", "code"),)

    code: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(100))


class DwellingStock(Exchanged, Base):
    """Number of dwellings on 1 January of a year: the denominator of the burglary rate."""

    __tablename__ = "dwelling_stock"
    __table_args__ = (UniqueConstraint("municipality_id", "year", "neighbourhood_code"),)

    year: Mapped[int] = mapped_column(Integer)
    neighbourhood_code: Mapped[str | None] = mapped_column(String(10))
    dwellings: Mapped[int] = mapped_column(Integer)


class Partner(Exchanged, Base):
    """An organisation in the approach; only a work contact, never private data."""

    __tablename__ = "partner"

    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[PartnerKind] = mapped_column(enum_column(PartnerKind))
    role: Mapped[str] = mapped_column(Text, default="")
    contact_name: Mapped[str] = mapped_column(String(200), default="")
    contact_email: Mapped[str] = mapped_column(String(200), default="")
    contact_phone: Mapped[str] = mapped_column(String(50), default="")
