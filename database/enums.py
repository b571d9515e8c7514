"""Every enumeration of the domain, in one place.

Values are English and stable (they are stored and exchanged); `label` is the Dutch word users
see on screens and in packages. Changing a value is a schema change; changing a label is not.
"""

from __future__ import annotations

from enum import StrEnum


class DomainEnum(StrEnum):
    """A StrEnum whose members carry a Dutch label."""

    @property
    def label(self) -> str:
        return _LABELS[type(self).__name__][self.value]

    @classmethod
    def from_label(cls, label: str) -> DomainEnum:
        """The member whose Dutch label (or English value) is `label`, ignoring case."""
        wanted = label.strip().casefold()
        for member in cls:
            if wanted in (member.label.casefold(), member.value.casefold()):
                return member
        raise ValueError(label)

    @classmethod
    def labels(cls) -> list[str]:
        return [member.label for member in cls]


class WorkspaceRole(DomainEnum):
    MUNICIPALITY = "municipality"
    REGION = "region"


class HotKind(DomainEnum):
    HOTSPOT = "hotspot"
    HOTSHOT = "hotshot"
    HOTGROUP = "hotgroup"
    HOTVICTIM = "hotvictim"
    HOTTIME = "hottime"
    HOTTARGET = "hottarget"
    HOTFACILITY = "hotfacility"


class InformationSource(DomainEnum):
    AREA_SCAN = "area_scan"
    HOTSPOT_MONITOR = "hotspot_monitor"
    COMMUNITY_OFFICER = "community_officer"
    DEEP_ANALYSIS = "deep_analysis"
    OTHER = "other"


class BylawStatus(DomainEnum):
    CONSIDERED = "considered"
    IN_PREPARATION = "in_preparation"
    IN_USE = "in_use"
    REJECTED = "rejected"


class AnalysisState(DomainEnum):
    NOT_REQUESTED = "not_requested"
    SENT = "sent"
    RECEIVED = "received"
    PROCESSED = "processed"


class DeepAnalysisState(DomainEnum):
    REQUESTED = "requested"
    ANSWERED = "answered"
    WITHDRAWN = "withdrawn"


class GoalIndicator(DomainEnum):
    BURGLARY_RATE = "burglary_rate"
    BURGLARY_COUNT = "burglary_count"
    ATTEMPT_SHARE = "attempt_share"
    OTHER = "other"


class TargetGroup(DomainEnum):
    """Doelgroep: the first axis of the 3D matrix."""

    OFFENDER = "offender"
    VICTIM_DWELLING = "victim_dwelling"
    ENVIRONMENT = "environment"


class InterventionKind(DomainEnum):
    """Aard: the second axis of the 3D matrix."""

    PREVENTIVE = "preventive"
    REPRESSIVE = "repressive"
    ADMINISTRATIVE = "administrative"
    AFTERCARE = "aftercare"


class MeasureStatus(DomainEnum):
    PLANNED = "planned"
    RUNNING = "running"
    COMPLETED = "completed"
    STOPPED = "stopped"


class ActionStatus(DomainEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


class MeetingTier(DomainEnum):
    """The memo's three tiers, plus the local driehoek: the opdrachtgever, informed
    periodically, not a tier of the project's own meetings."""

    TRIANGLE = "triangle"
    STRATEGIC = "strategic"  # the regional projectgroep
    TACTICAL = "tactical"
    OPERATIONAL = "operational"


class PartnerKind(DomainEnum):
    MUNICIPALITY = "municipality"
    POLICE = "police"
    PROSECUTION = "prosecution"
    HOUSING_CORPORATION = "housing_corporation"
    RESIDENTS = "residents"
    BUSINESS = "business"
    OTHER = "other"


class MeasureDecision(DomainEnum):
    """The evaluation's decision on a measure after twelve months."""

    STOP = "stop"
    CONTINUE = "continue"
    EMBED = "embed"


class B3WWorld(DomainEnum):
    """The three safety strategies of 'the best of three worlds'."""

    PROBLEM_ORIENTED = "problem_oriented"
    INTELLIGENCE_LED = "intelligence_led"
    CITIZEN_PARTICIPATION = "citizen_participation"


class B3WStage(DomainEnum):
    """Where in the plan a world should be visible: analysis, measures, execution."""

    ANALYSIS = "analysis"
    MEASURES = "measures"
    EXECUTION = "execution"


class B3WAnswer(DomainEnum):
    YES = "yes"
    PARTLY = "partly"
    NO = "no"


class TimelineState(DomainEnum):
    """Where a step or milestone of the course stands on a given day."""

    DONE = "done"
    CURRENT = "current"  # a step of the stappenplan that is under way
    UPCOMING = "upcoming"
    LATE = "late"


class MilestoneKind(DomainEnum):
    """A gemeente's own milestones on the course of the project."""

    COMMITMENT = "commitment"
    LOCAL_MEETING = "local_meeting"
    PACKAGE = "package"
    PLAN_UPDATE = "plan_update"
    EVALUATION = "evaluation"


class GoalState(DomainEnum):
    """Where a SMART goal stands against the straight path from baseline to target."""

    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    BEHIND = "behind"
    UNKNOWN = "unknown"


class PackageOutcome(DomainEnum):
    """What the RSIV workspace did with an incoming package."""

    MERGED = "merged"
    REFUSED = "refused"


class NoteTarget(DomainEnum):
    """What an RSIV note is about."""

    MUNICIPALITY = "municipality"
    MEASURE = "measure"
    WERKGROEP = "werkgroep"


_LABELS: dict[str, dict[str, str]] = {
    "WorkspaceRole": {"municipality": "gemeente", "region": "RSIV"},
    "HotKind": {
        "hotspot": "hotspot",
        "hotshot": "hotshot",
        "hotgroup": "hotgroup",
        "hotvictim": "hotvictim",
        "hottime": "hottime",
        "hottarget": "hottarget",
        "hotfacility": "hotfacility",
    },
    "InformationSource": {
        "area_scan": "gebiedsscan",
        "hotspot_monitor": "hotspotmonitor",
        "community_officer": "wijkagent",
        "deep_analysis": "verdiepende analyse",
        "other": "anders",
    },
    "BylawStatus": {
        "considered": "overwogen",
        "in_preparation": "in voorbereiding",
        "in_use": "in gebruik",
        "rejected": "afgewezen",
    },
    "AnalysisState": {
        "not_requested": "niet gevraagd",
        "sent": "verstuurd",
        "received": "ontvangen",
        "processed": "verwerkt",
    },
    "DeepAnalysisState": {
        "requested": "aangevraagd",
        "answered": "beantwoord",
        "withdrawn": "ingetrokken",
    },
    "GoalIndicator": {
        "burglary_rate": "inbraakrisico per 1.000 woningen",
        "burglary_count": "aantal woninginbraken",
        "attempt_share": "aandeel pogingen",
        "other": "anders",
    },
    "TargetGroup": {
        "offender": "dader",
        "victim_dwelling": "slachtoffer/woning",
        "environment": "omgeving",
    },
    "InterventionKind": {
        "preventive": "preventief",
        "repressive": "repressief",
        "administrative": "bestuurlijk",
        "aftercare": "nazorg",
    },
    "MeasureStatus": {
        "planned": "gepland",
        "running": "lopend",
        "completed": "afgerond",
        "stopped": "gestopt",
    },
    "ActionStatus": {
        "open": "open",
        "in_progress": "lopend",
        "done": "gereed",
        "cancelled": "vervallen",
    },
    "MeetingTier": {
        "triangle": "driehoek (opdrachtgever)",
        "strategic": "strategisch (projectgroep)",
        "tactical": "tactisch (werkgroep)",
        "operational": "operationeel",
    },
    "PartnerKind": {
        "municipality": "gemeente",
        "police": "politie",
        "prosecution": "OM",
        "housing_corporation": "woningcorporatie",
        "residents": "bewoners",
        "business": "ondernemers",
        "other": "anders",
    },
    "GoalState": {
        "on_track": "op koers",
        "at_risk": "risico",
        "behind": "achter",
        "unknown": "onbekend",
    },
    "MeasureDecision": {
        "stop": "stoppen",
        "continue": "voortzetten",
        "embed": "borgen in regulier werk",
    },
    "B3WWorld": {
        "problem_oriented": "probleemgericht werken",
        "intelligence_led": "informatiegestuurd werken",
        "citizen_participation": "burgerparticipatie",
    },
    "B3WStage": {
        "analysis": "analyse",
        "measures": "maatregelen",
        "execution": "uitvoering",
    },
    "B3WAnswer": {
        "yes": "ja",
        "partly": "deels",
        "no": "nee",
    },
    "TimelineState": {
        "done": "gedaan",
        "current": "lopend",
        "upcoming": "komt nog",
        "late": "te laat",
    },
    "MilestoneKind": {
        "commitment": "opdracht driehoek",
        "local_meeting": "operationeel overleg",
        "package": "pakket voor de werkgroep",
        "plan_update": "plan bijgesteld na gebiedsscan",
        "evaluation": "evaluatie na 12 maanden",
    },
    "PackageOutcome": {
        "merged": "samengevoegd",
        "refused": "geweigerd",
    },
    "NoteTarget": {
        "municipality": "gemeente",
        "measure": "maatregel",
        "werkgroep": "werkgroepoverleg",
    },
}
