"""What a workspace file is: its role, the gemeente it owns, its package sequence."""

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from database.enums import WorkspaceRole
from database.models.base import UUID_LENGTH, Base, enum_column
from database.types import UTCDateTime, new_uuid, utc_now

WORKSPACE_FORMAT = "aanpak-woninginbraken/workspace"


class WorkspaceInfo(Base):
    """The single row that marks a SQLite file as a workspace of this app."""

    __tablename__ = "workspace_info"

    id: Mapped[str] = mapped_column(String(UUID_LENGTH), primary_key=True, default=new_uuid)
    format: Mapped[str] = mapped_column(String(64), default=WORKSPACE_FORMAT)
    role: Mapped[WorkspaceRole] = mapped_column(enum_column(WorkspaceRole))
    municipality_id: Mapped[str | None] = mapped_column(
        String(UUID_LENGTH), ForeignKey("municipality.id")
    )
    is_demo: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    created_by_version: Mapped[str] = mapped_column(String(32))
    # Grows with every exported package so the RSIV can tell newer from older.
    package_sequence: Mapped[int] = mapped_column(Integer, default=0)
