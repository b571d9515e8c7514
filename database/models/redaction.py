"""The gemeente workspace's log of personal data replaced by "[verwijderd]" (never exchanged)."""

from datetime import datetime

from sqlalchemy.orm import Mapped

from database.models.base import Base
from database.tables.redaction import privacy_redaction_table


class PrivacyRedaction(Base):
    """One removal: when, from which record and field, and what kind of data; never the data."""

    __table__ = privacy_redaction_table

    id: Mapped[str]
    redacted_at: Mapped[datetime]
    record: Mapped[str]
    field: Mapped[str]
    kind: Mapped[str]
