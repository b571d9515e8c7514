"""The RSIV workspace's record of incoming packages and where each merged record came from."""

from datetime import datetime

from sqlalchemy.orm import Mapped

from database.enums import PackageOutcome
from database.models.base import Base
from database.tables.merge import imported_package_table, merged_record_table


class ImportedPackage(Base):
    """One package offered to the RSIV workspace: merged, or refused with the reason.

    The id is derived from the export id (or the file's hash when the file could not be read)
    and how often that package was offered before, so two RSIV workspaces that received the
    same packages hold the same rows whatever the order of the gemeenten.
    """

    __table__ = imported_package_table

    id: Mapped[str]
    export_id: Mapped[str | None]
    municipality_id: Mapped[str | None]
    municipality_code: Mapped[str]
    municipality_name: Mapped[str]
    source_workspace_id: Mapped[str]
    sequence: Mapped[int | None]
    exported_at: Mapped[str]
    imported_at: Mapped[datetime]
    file_name: Mapped[str]
    app_version: Mapped[str]
    content_hash: Mapped[str]
    outcome: Mapped[PackageOutcome]
    reason: Mapped[str]
    added: Mapped[int]
    changed: Mapped[int]
    removed: Mapped[int]
    handover_from: Mapped[str]
    handover_by: Mapped[str]


class MergedRecord(Base):
    """The later package that last added or changed a merged record.

    A record without a row here came from its gemeente's first merged package. Only a
    gemeente's later merges write rows, for what they add or change (and delete the rows of
    what they remove), so the cost follows the size of the change, not of the gemeente.
    """

    __table__ = merged_record_table

    table_name: Mapped[str]
    record_key: Mapped[str]
    package_id: Mapped[str]
