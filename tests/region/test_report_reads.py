"""The werkgroep report reads each table once for the whole region: a region of hundreds of
gemeenten takes as many queries as one of a few."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import event

from app.core.region.agenda import municipality_agenda
from app.core.region.report_content import ReportKind, report_content
from app.core.region.werkgroep_changes import werkgroep_extras
from app.kernel.workspace import Workspace

AS_OF = date.today()  # the demo's meetings and decisions lie around today


def _queries(workspace: Workspace) -> tuple[int, Any]:
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(str(args[2]))

    event.listen(workspace.engine, "before_cursor_execute", count)
    try:
        content = report_content(workspace, ReportKind.WERKGROEP, AS_OF)
    finally:
        event.remove(workspace.engine, "before_cursor_execute", count)
    return len(statements), content


def test_the_werkgroep_reports_queries_do_not_grow_with_the_gemeenten(
    rsiv_nine: Workspace, rsiv_eight: Workspace
) -> None:
    nine, content = _queries(rsiv_nine)
    eight, _ = _queries(rsiv_eight)
    assert len(content.agendas) == 9
    assert nine == eight


def test_each_gemeentes_page_is_what_its_own_reading_gives(rsiv_nine: Workspace) -> None:
    content = report_content(rsiv_nine, ReportKind.WERKGROEP, AS_OF)
    for row, agenda in content.agendas:
        assert agenda == municipality_agenda(rsiv_nine, row.cbs_code, AS_OF)
        assert content.extras[row.cbs_code] == werkgroep_extras(rsiv_nine, row.cbs_code, AS_OF)
    assert any(agenda.measures for _, agenda in content.agendas)
    assert any(agenda.decisions for _, agenda in content.agendas)
