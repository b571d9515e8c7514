"""Reference data shipped in resources/: the gemeenten and the measure catalogue."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from functools import cache

from app.kernel.paths import resources_dir
from database.enums import InterventionKind, TargetGroup

# Municipality ids derive from the CBS code, so every workspace gives a gemeente the same id
# and packages from different laptops refer to the same record.
_MUNICIPALITY_NAMESPACE = uuid.UUID("6f1d1c1e-4b7a-4c59-9a43-2f5f0b9e8a10")

REGIONAL_REFERENCE_RATE_2016 = 8.0


@dataclass(frozen=True)
class MunicipalityRef:
    cbs_code: str
    name: str
    police_team: str | None
    is_participant: bool

    @property
    def id(self) -> str:
        return municipality_id(self.cbs_code)


@dataclass(frozen=True)
class CatalogueMeasure:
    key: str
    title: str
    target_group: TargetGroup
    intervention: InterventionKind


def municipality_id(cbs_code: str) -> str:
    return str(uuid.uuid5(_MUNICIPALITY_NAMESPACE, cbs_code.upper()))


@cache
def municipalities() -> tuple[MunicipalityRef, ...]:
    raw = json.loads((resources_dir() / "reference" / "municipalities.json").read_text("utf-8"))
    return tuple(
        MunicipalityRef(
            cbs_code=item["cbs_code"],
            name=item["name"],
            police_team=item["police_team"],
            is_participant=item["participant"],
        )
        for item in raw["municipalities"]
    )


def participants() -> tuple[MunicipalityRef, ...]:
    return tuple(m for m in municipalities() if m.is_participant)


def find_municipality(cbs_code: str) -> MunicipalityRef | None:
    wanted = cbs_code.strip().upper()
    return next((m for m in municipalities() if m.cbs_code == wanted), None)


@cache
def measure_catalogue() -> tuple[CatalogueMeasure, ...]:
    path = resources_dir() / "reference" / "measure_catalogue.json"
    raw = json.loads(path.read_text("utf-8"))
    return tuple(
        CatalogueMeasure(
            key=item["key"],
            title=item["title"],
            target_group=TargetGroup(item["target_group"]),
            intervention=InterventionKind(item["intervention"]),
        )
        for item in raw["measures"]
    )
