"""A generated region for trying the RSIV workspace at scale: up to 999 gemeenten.

Another eenheid, or a national coordinator, merges packages from 30 to 350 gemeenten. Their
demo gets invented gemeenten that nobody can mistake for real ones: the name says
"Voorbeeldgemeente" and the code lies in GM9001-GM9999, far above the real CBS codes (which
stay below GM2000). Each borrows the size and burglary level of one of the nine demo profiles
in turn; the published figures of that real gemeente stay with it.
"""

from __future__ import annotations

from dataclasses import replace

from app.demo import content as text
from app.kernel.errors import UserError
from app.kernel.reference import MunicipalityRef, find_municipality

FIRST_NUMBER = 9001
MOST_GEMEENTEN = 999
NAME = "Voorbeeldgemeente {number:03d}"


def generated_region(count: int) -> tuple[MunicipalityRef, ...]:
    """`count` illustrative gemeenten, GM9001 'Voorbeeldgemeente 001' onwards."""
    if not 1 <= count <= MOST_GEMEENTEN:
        raise UserError(
            f"Een gegenereerde demoregio heeft 1 tot {MOST_GEMEENTEN} gemeenten, niet {count}. "
            "Geef bij --gemeenten een aantal in dat bereik."
        )
    return tuple(
        MunicipalityRef(f"GM{FIRST_NUMBER + index}", NAME.format(number=index + 1), None, True)
        for index in range(count)
    )


def is_generated(cbs_code: str) -> bool:
    return cbs_code[2:].isdigit() and int(cbs_code[2:]) >= FIRST_NUMBER


def demo_profile(cbs_code: str) -> tuple[MunicipalityRef, text.MunicipalityProfile] | None:
    """The gemeente and the profile its demo plan is made from, or None when there is none."""
    if is_generated(cbs_code):
        number = int(cbs_code[2:]) - FIRST_NUMBER
        ref = MunicipalityRef(cbs_code, NAME.format(number=number + 1), None, True)
        borrowed = list(text.PROFILES.values())[number % len(text.PROFILES)]
        profile = replace(
            borrowed,
            place=ref.name,
            slug=f"voorbeeldgemeente-{number + 1:03d}",
            published_counts={},
            published_rates={},
        )
        return ref, profile
    known = find_municipality(cbs_code)
    if known is None or known.cbs_code not in text.PROFILES:
        return None
    return known, text.PROFILES[known.cbs_code]
