"""The gemeente workspace's own record of the packages it made (never exchanged)."""

from datetime import datetime

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from database.models.base import UUID_LENGTH, Base
from database.types import UTCDateTime


class PackageExport(Base):
    """One package written by this workspace: the timeline checks the werkgroep deadlines."""

    __tablename__ = "package_export"

    export_id: Mapped[str] = mapped_column(String(UUID_LENGTH), primary_key=True)
    sequence: Mapped[int] = mapped_column(Integer)
    exported_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    file_name: Mapped[str] = mapped_column(String(260), default="")
