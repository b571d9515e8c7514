"""What a workspace file is: its role, the gemeente it owns, its package sequence."""

from datetime import datetime

from sqlalchemy.orm import Mapped

from database.enums import WorkspaceRole
from database.models.base import Base
from database.tables.workspace import workspace_info_table


class WorkspaceInfo(Base):
    """The single row that marks a SQLite file as a workspace of this app."""

    __table__ = workspace_info_table

    id: Mapped[str]
    format: Mapped[str]
    role: Mapped[WorkspaceRole]
    municipality_id: Mapped[str | None]
    is_demo: Mapped[bool]
    created_at: Mapped[datetime]
    created_by_version: Mapped[str]
    package_sequence: Mapped[int]
