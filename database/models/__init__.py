"""The typed ORM classes of the whole domain, mapped onto database.tables; import from here."""

from database.models.action import Action
from database.models.analysis_form import AnalysisForm, ProposedMeasure
from database.models.base import Base
from database.models.evaluation import B3WCheck, Evaluation, MeasureEvaluation
from database.models.feedback import RsivFeedback, WerkgroepSuggestion
from database.models.figures import Incident, IncidentCount, MonthlyFigure
from database.models.goal import Goal, GoalMeasurement
from database.models.hotspot import DeepAnalysisRequest, HotspotAnalysis
from database.models.measure import DeliberatelyEmptyCell, Measure
from database.models.meeting import Decision, Meeting
from database.models.merge import ImportedPackage, MergedRecord
from database.models.municipality import DwellingStock, Municipality, Neighbourhood, Partner
from database.models.package_export import PackageExport
from database.models.plan import BylawInstrument, HotItem, Plan
from database.models.progress import ProgressNote
from database.models.redaction import PrivacyRedaction
from database.models.reference_figures import NationalReference
from database.models.revision import PlanRevision, PlanRevisionPart
from database.models.rsiv_note import RsivNote
from database.models.workspace import WorkspaceInfo
from database.tables import measure_hot_item_table

__all__ = [
    "Action",
    "AnalysisForm",
    "B3WCheck",
    "Base",
    "BylawInstrument",
    "Decision",
    "DeepAnalysisRequest",
    "DeliberatelyEmptyCell",
    "DwellingStock",
    "Evaluation",
    "Goal",
    "GoalMeasurement",
    "HotItem",
    "HotspotAnalysis",
    "ImportedPackage",
    "Incident",
    "IncidentCount",
    "Measure",
    "MeasureEvaluation",
    "Meeting",
    "MergedRecord",
    "MonthlyFigure",
    "Municipality",
    "NationalReference",
    "Neighbourhood",
    "PackageExport",
    "Partner",
    "Plan",
    "PlanRevision",
    "PlanRevisionPart",
    "PrivacyRedaction",
    "ProgressNote",
    "ProposedMeasure",
    "RsivFeedback",
    "RsivNote",
    "WerkgroepSuggestion",
    "WorkspaceInfo",
    "measure_hot_item_table",
]
