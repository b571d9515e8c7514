"""The schema as SQLAlchemy Core tables, one module per part of the domain.

The ORM classes in database.models map onto these tables. Reading through the tables needs
neither the ORM nor mapped classes: the Overzicht is read this way at start-up, because
importing the ORM and mapping its classes would cost about a third of the start-up (see
benchmarks/README.md, "Start").
"""

from database.tables.action import action_table
from database.tables.analysis_form import analysis_form_table, proposed_measure_table
from database.tables.base import metadata
from database.tables.evaluation import (
    b3w_check_table,
    evaluation_table,
    measure_evaluation_table,
)
from database.tables.feedback import rsiv_feedback_table, werkgroep_suggestion_table
from database.tables.figures import (
    incident_count_table,
    incident_table,
    monthly_figure_table,
)
from database.tables.goal import goal_measurement_table, goal_table
from database.tables.hotspot import deep_analysis_request_table, hotspot_analysis_table
from database.tables.measure import (
    deliberately_empty_cell_table,
    measure_hot_item_table,
    measure_table,
)
from database.tables.meeting import decision_table, meeting_table
from database.tables.merge import imported_package_table, merged_record_table
from database.tables.municipality import (
    dwelling_stock_table,
    municipality_table,
    neighbourhood_table,
    partner_table,
)
from database.tables.open_data import open_data_figure_table
from database.tables.package_export import package_export_table
from database.tables.plan import bylaw_instrument_table, hot_item_table, plan_table
from database.tables.progress import progress_note_table
from database.tables.redaction import privacy_redaction_table
from database.tables.reference_figures import national_reference_table
from database.tables.revision import plan_revision_part_table, plan_revision_table
from database.tables.rsiv_note import rsiv_note_table
from database.tables.workspace import WORKSPACE_FORMAT, workspace_info_table

__all__ = [
    "WORKSPACE_FORMAT",
    "action_table",
    "analysis_form_table",
    "b3w_check_table",
    "bylaw_instrument_table",
    "decision_table",
    "deep_analysis_request_table",
    "deliberately_empty_cell_table",
    "dwelling_stock_table",
    "evaluation_table",
    "goal_measurement_table",
    "goal_table",
    "hot_item_table",
    "hotspot_analysis_table",
    "imported_package_table",
    "incident_count_table",
    "incident_table",
    "measure_evaluation_table",
    "measure_hot_item_table",
    "measure_table",
    "meeting_table",
    "merged_record_table",
    "metadata",
    "monthly_figure_table",
    "municipality_table",
    "national_reference_table",
    "neighbourhood_table",
    "open_data_figure_table",
    "package_export_table",
    "partner_table",
    "plan_revision_part_table",
    "plan_revision_table",
    "plan_table",
    "privacy_redaction_table",
    "progress_note_table",
    "proposed_measure_table",
    "rsiv_feedback_table",
    "rsiv_note_table",
    "werkgroep_suggestion_table",
    "workspace_info_table",
]
