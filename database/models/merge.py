"""The RSIV workspace's record of incoming packages and where each merged record came from."""

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from database.enums import PackageOutcome
from database.models.base import UUID_LENGTH, Base, enum_column
from database.types import UTCDateTime


class ImportedPackage(Base):
    """One package offered to the RSIV workspace: merged, or refused with the reason.

    The id is derived from the export id (or the file's hash when the file could not be read)
    and how often that package was offered before, so two RSIV workspaces that received the
    same packages hold the same rows whatever the order of the gemeenten.
    """

    __tablename__ = "imported_package"

    id: Mapped[str] = mapped_column(String(UUID_LENGTH), primary_key=True)
    export_id: Mapped[str | None] = mapped_column(String(UUID_LENGTH), index=True)
    municipality_id: Mapped[str | None] = mapped_column(
        String(UUID_LENGTH), ForeignKey("municipality.id"), index=True
    )
    # As written in the package, also when the code is unknown to this workspace.
    municipality_code: Mapped[str] = mapped_column(String(20), default="")
    municipality_name: Mapped[str] = mapped_column(String(100), default="")
    source_workspace_id: Mapped[str] = mapped_column(String(UUID_LENGTH), default="")
    sequence: Mapped[int | None] = mapped_column(Integer)
    exported_at: Mapped[str] = mapped_column(String(40), default="")  # ISO text from the package
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime)
    file_name: Mapped[str] = mapped_column(String(260), default="")
    app_version: Mapped[str] = mapped_column(String(32), default="")
    content_hash: Mapped[str] = mapped_column(String(64), default="")
    outcome: Mapped[PackageOutcome] = mapped_column(enum_column(PackageOutcome))
    reason: Mapped[str] = mapped_column(Text, default="")
    added: Mapped[int] = mapped_column(Integer, default=0)
    changed: Mapped[int] = mapped_column(Integer, default=0)
    removed: Mapped[int] = mapped_column(Integer, default=0)


class MergedRecord(Base):
    """The later package that last added or changed a merged record.

    A record without a row here came from its gemeente's first merged package. Only a
    gemeente's later merges write rows, for what they add or change (and delete the rows of
    what they remove), so the cost follows the size of the change, not of the gemeente.
    """

    __tablename__ = "merged_record"

    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    # The record's id; a link table's ids joined with "/".
    record_key: Mapped[str] = mapped_column(String(80), primary_key=True)
    package_id: Mapped[str] = mapped_column(
        String(UUID_LENGTH), ForeignKey("imported_package.id"), index=True
    )
