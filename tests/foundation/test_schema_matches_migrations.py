"""The schema the code declares is the schema the migrations build: a workspace upgraded to
head and the declared tables agree on every table, column, type, nullability, index, unique
constraint and foreign key."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from database import migrate
from database.models import Base
from database.store import make_engine


def test_the_declared_schema_equals_the_migrated_one(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "werkruimte.db")
    migrate.upgrade(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "render_as_batch": True}
        )
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert differences == []
