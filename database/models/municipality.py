"""Gemeenten, their buurten and dwelling stock, and partners."""

from sqlalchemy.orm import Mapped

from database.enums import PartnerKind
from database.models.base import Base, Exchanged, Identified
from database.tables.municipality import (
    dwelling_stock_table,
    municipality_table,
    neighbourhood_table,
    partner_table,
)


class Municipality(Identified, Base):
    """A participating gemeente (or basisteam area), identified by its CBS code."""

    __table__ = municipality_table

    cbs_code: Mapped[str]
    name: Mapped[str]
    police_team: Mapped[str | None]
    is_participant: Mapped[bool]


class Neighbourhood(Exchanged, Base):
    """A buurt (CBS buurtcode), the unit of hotspots and figures."""

    __table__ = neighbourhood_table

    code: Mapped[str]
    name: Mapped[str]


class DwellingStock(Exchanged, Base):
    """Number of dwellings on 1 January of a year: the denominator of the burglary rate."""

    __table__ = dwelling_stock_table

    year: Mapped[int]
    neighbourhood_code: Mapped[str | None]
    dwellings: Mapped[int]


class Partner(Exchanged, Base):
    """An organisation in the approach; only a work contact, never private data."""

    __table__ = partner_table

    name: Mapped[str]
    kind: Mapped[PartnerKind]
    role: Mapped[str]
    contact_name: Mapped[str]
    contact_email: Mapped[str]
    contact_phone: Mapped[str]
