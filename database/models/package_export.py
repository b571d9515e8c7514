"""The gemeente workspace's own record of the packages it made (never exchanged)."""

from datetime import datetime

from sqlalchemy.orm import Mapped

from database.models.base import Base
from database.tables.package_export import package_export_table


class PackageExport(Base):
    """One package written by this workspace: the timeline checks the werkgroep deadlines."""

    __table__ = package_export_table

    export_id: Mapped[str]
    sequence: Mapped[int]
    exported_at: Mapped[datetime]
    file_name: Mapped[str]
