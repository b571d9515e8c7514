"""The Dutch texts and illustrative figures the demo generator draws from.

Kept apart from app/demo/gemeente.py so the generator reads as logic and a projectleider can
review the wording here in one place. Every number here is illustrative unless a comment
says it is published (see shared/domain.md).
"""

# Dutch typography uses the en dash in ranges of years and times, and in the demo title.
# ruff: noqa: RUF001

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from database.enums import HotKind, InformationSource, InterventionKind, PartnerKind, TargetGroup


@dataclass(frozen=True)
class MunicipalityProfile:
    """The size of a gemeente and its burglary level, 2016-2018."""

    place: str  # the short name used in running text
    slug: str  # for the invented example.nl mailboxes
    dwellings_2016: int  # illustrative
    rates: tuple[float, float, float]  # illustrative burglaries per 1,000 dwellings, 2016-2018
    published_counts: dict[int, int] = field(default_factory=dict)
    published_rates: dict[int, float] = field(default_factory=dict)


PROFILES: dict[str, MunicipalityProfile] = {
    "GM1916": MunicipalityProfile(
        "Leidschendam-Voorburg", "leidschendam-voorburg", 35_200, (8.6, 9.4, 8.1)
    ),
    # Published: 639 burglaries in 2016 and 504 in 2017.
    "GM0513": MunicipalityProfile(
        "Gouda", "gouda", 32_900, (19.4, 15.2, 13.6), published_counts={2016: 639, 2017: 504}
    ),
    "GM0627": MunicipalityProfile("Waddinxveen", "waddinxveen", 11_300, (10.2, 9.6, 8.4)),
    "GM1901": MunicipalityProfile(
        "Bodegraven-Reeuwijk", "bodegraven-reeuwijk", 14_200, (9.0, 8.7, 7.6)
    ),
    # Published: 9.7 per 1,000 dwellings in 2016 and 7.5 in 2017.
    "GM0503": MunicipalityProfile(
        "Delft", "delft", 49_800, (9.7, 7.5, 6.9), published_rates={2016: 9.7, 2017: 7.5}
    ),
    # Published: 189 burglaries in 2016.
    "GM0603": MunicipalityProfile(
        "Rijswijk", "rijswijk", 24_600, (7.7, 8.4, 6.8), published_counts={2016: 189}
    ),
    "GM1783": MunicipalityProfile("Westland", "westland", 44_000, (8.9, 8.5, 7.4)),
    "GM1842": MunicipalityProfile("Midden-Delfland", "middendelfland", 7_900, (10.4, 9.2, 8.0)),
    "GM0518": MunicipalityProfile("Laak", "denhaag", 20_500, (14.2, 12.1, 10.3)),
}

PLAN_TITLE = "DEMO – Plan van aanpak woninginbraken {name} 2018–2019"
HOTSPOT_PERIOD = "2016–2017"
# The keurmerk goal's values measured by hand, per quarter of 2018 (illustrative).
KEURMERK_MEASUREMENTS = (
    (date(2018, 3, 31), 6.0),
    (date(2018, 6, 30), 14.0),
    (date(2018, 9, 30), 21.0),
    (date(2018, 12, 31), 27.0),
)
KEURMERK_SOURCE = "aanvragen Politiekeurmerk Veilig Wonen (gemeente)"
TRIANGLE_ASSIGNMENT = (
    "De driehoek van {name} geeft de projectleider opdracht het plan van aanpak "
    "woninginbraken uit te voeren: het inbraakrisico duurzaam onder het regionale gemiddelde "
    "van 8 per 1.000 woningen brengen en op weg naar het landelijk gemiddelde, met extra "
    "inzet in de hotspots en tijdens het Donkere Dagen Offensief. De projectleider informeert "
    "de driehoek elk kwartaal over de voortgang (demotekst)."
)
BUDGET = (
    "Illustratief: € 25.000 per jaar uit het gemeentelijk veiligheidsbudget voor preventie "
    "(woonadviezen, campagne, waarschuwingsbrieven); politie en OM zetten hun inzet binnen "
    "de reguliere capaciteit in."
)

# Invented buurt names: plausible in any Dutch town, belonging to none in particular.
NEIGHBOURHOOD_NAMES = (
    "Kersenhof",
    "Lindenkwartier",
    "Sterrenpark",
    "Havenzicht",
    "Molenkade-Zuid",
    "Populierenhof",
    "Zilverwijk",
    "Reigersveld",
    "Klaverweide",
    "Oude Lijnbaan",
    "Rozenhage",
    "Beekdal-Noord",
    "Vlasakkers",
    "Torenzicht",
    "Meidoornpark",
    "Koperslagersbuurt",
)

# Weight of each calendar month: the dark months (October to March) carry more burglaries.
MONTH_WEIGHTS = (1.35, 1.15, 0.95, 0.75, 0.7, 0.65, 0.72, 0.78, 0.85, 1.15, 1.4, 1.55)

MODI_OPERANDI = (
    "cilinder getrokken (kerntrekken)",
    "flipperen van de voordeur",
    "raam geforceerd met schroevendraaier",
    "achterdeur opengebroken met breekijzer",
    "schuifpui uit de rails getild",
    "inklimming via openstaand raam",
    "via balkon of plat dak naar binnen",
    "glas ingeslagen bij de achterdeur",
)


@dataclass(frozen=True)
class HotItemText:
    label: str
    description: str
    source: InformationSource
    period: str = ""


# Hotshots are people: only a group label and a count, never a name (see domain.md).
HOTSHOT_TEXTS = (
    HotItemText(
        "veelpleger-groep A",
        "Bekende veelplegers woninginbraak die in de gemeente actief zijn en in de "
        "Top-X-aanpak worden gevolgd. Alleen het aantal personen staat hier; gegevens over "
        "personen blijven bij de politie.",
        InformationSource.AREA_SCAN,
        "2016–2017",
    ),
    HotItemText(
        "veelpleger-groep B",
        "Kleine groep jongvolwassen daders uit de regio met antecedenten voor heling en "
        "inbraak. Alleen het aantal personen staat hier; gegevens over personen blijven bij de "
        "politie.",
        InformationSource.DEEP_ANALYSIS,
        "2017",
    ),
)

OTHER_HOT_TEXTS: dict[HotKind, tuple[HotItemText, ...]] = {
    HotKind.HOTGROUP: (
        HotItemText(
            "Rondtrekkende daders (mobiel banditisme)",
            "Groepen van buiten de regio die via de snelweg komen en in korte tijd meerdere "
            "woningen bezoeken.",
            InformationSource.AREA_SCAN,
            "2016–2017",
        ),
        HotItemText(
            "Jonge daders (16–23 jaar) uit de regio",
            "Jongeren die in wisselende samenstelling inbreken, vaak te voet of op de scooter, "
            "en de buit via bekenden of online verkopen.",
            InformationSource.COMMUNITY_OFFICER,
            "2017",
        ),
    ),
    HotKind.HOTVICTIM: (
        HotItemText(
            "Ouderen (75+) in grondgebonden woningen",
            "Alleenwonende ouderen: vaker slachtoffer van inbraak en babbeltrucs, en minder "
            "goed bereikbaar via digitale kanalen.",
            InformationSource.AREA_SCAN,
        ),
        HotItemText(
            "Huishoudens met herhaald slachtofferschap",
            "Woningen waar binnen een jaar opnieuw is ingebroken of een poging is gedaan.",
            InformationSource.HOTSPOT_MONITOR,
            "2016–2017",
        ),
        HotItemText(
            "Tweeverdieners die overdag niet thuis zijn",
            "Woningen die op werkdagen leeg staan; inbraken worden pas 's avonds ontdekt.",
            InformationSource.COMMUNITY_OFFICER,
        ),
    ),
    HotKind.HOTTIME: (
        HotItemText(
            "Donkere dagen, 16.00–22.00 uur",
            "Van oktober tot en met maart ligt het aantal inbraken duidelijk hoger, met een "
            "piek in december en januari bij het invallen van de duisternis.",
            InformationSource.AREA_SCAN,
            "oktober–maart",
        ),
        HotItemText(
            "Werkdagen overdag, 10.00–14.00 uur",
            "Inbraken in woningen die overdag leeg staan.",
            InformationSource.HOTSPOT_MONITOR,
            "hele jaar",
        ),
        HotItemText(
            "Zomer- en kerstvakantie",
            "Meer inbraken in woningen van bewoners die op vakantie zijn.",
            InformationSource.COMMUNITY_OFFICER,
            "juli–augustus, eind december",
        ),
    ),
    HotKind.HOTTARGET: (
        HotItemText(
            "Rijtjeswoningen met achterpad",
            "Eengezinswoningen uit de jaren '60 en '70 met verouderd hang- en sluitwerk en een "
            "slecht verlicht achterpad.",
            InformationSource.AREA_SCAN,
        ),
        HotItemText(
            "Portiekflats zonder afgesloten entree",
            "Voordeuren in de portiek zijn ongezien te forceren; bergingen staan vaak open.",
            InformationSource.COMMUNITY_OFFICER,
        ),
        HotItemText(
            "Buit: sieraden, contant geld, laptops en telefoons",
            "Kleine, waardevolle spullen die snel te verkopen zijn.",
            InformationSource.AREA_SCAN,
            "2016–2017",
        ),
    ),
    HotKind.HOTFACILITY: (
        HotItemText(
            "Opkopers en goudhandelaren (helingrisico)",
            "Winkels die gebruikte goederen en goud inkopen; niet alle inkopen worden in het "
            "opkopersregister gezet.",
            InformationSource.AREA_SCAN,
        ),
        HotItemText(
            "Online handelsplatforms voor tweedehands goederen",
            "Gestolen telefoons en laptops worden kort na de inbraak online aangeboden.",
            InformationSource.DEEP_ANALYSIS,
        ),
    ),
}

ANALYSIS_TEXTS: dict[str, tuple[str, ...]] = {
    "offender": (
        "Vooral rondtrekkende daders die via de uitvalswegen komen en gaan; daarnaast een "
        "kleine groep bekende jonge veelplegers uit de omgeving (zie hotshots).",
        "Daders komen grotendeels van buiten {buurt} en zijn met de auto of scooter. De "
        "aanhoudingen van het afgelopen jaar betreffen bekende veelplegers.",
    ),
    "victim_target": (
        "Rijtjeswoningen met een achterpad en verouderd hang- en sluitwerk, voor een groot "
        "deel huurwoningen van de corporatie. Slachtoffers zijn vaak ouderen en tweeverdieners "
        "die overdag niet thuis zijn.",
        "Benedenwoningen en portiekflats met slecht afsluitbare entrees en bergingen; "
        "relatief veel alleenstaanden en jonge huishoudens.",
    ),
    "environment": (
        "Donkere, slecht onderhouden achterpaden met hoge schuttingen en overhangend groen; "
        "weinig sociale controle aan de achterzijde. Goede vluchtroutes naar de doorgaande weg.",
        "Groenstroken en een fietspad langs de rand van {buurt} geven ongezien toegang; de "
        "straatverlichting is op meerdere plekken defect.",
    ),
    "times": (
        "Piek in de donkere maanden tussen 16.00 en 22.00 uur, met een tweede piek op "
        "werkdagen tussen 10.00 en 14.00 uur.",
        "Vooral vrijdag en zaterdag in de avonduren; in de zomervakantie meer inbraken overdag.",
    ),
    "modus_operandi": (
        "Meestal cilindertrekken of flipperen bij de voordeur; aan de achterzijde worden ramen "
        "en schuifpuien geforceerd met een schroevendraaier of breekijzer.",
        "Inklimming via openstaande ramen op de eerste verdieping en forceren van "
        "achterdeuren; de buit bestaat vooral uit sieraden, contant geld en elektronica.",
    ),
    "street_knowledge": (
        "Bewoners melden regelmatig onbekenden die 's avonds door de achterpaden lopen of "
        "aanbellen met een smoes. De WhatsApp-groep is actief, maar meldt niet altijd aan de "
        "politie.",
        "Volgens de wijkagent is er een verband met een hangplek bij het winkelcentrum; een "
        "deel van de jongeren is bekend bij het jongerenwerk.",
    ),
    "conclusions": (
        "Inzet richten op de achterzijde van de woningen (verlichting, snoeien, achterpaden "
        "afsluiten), gerichte surveillance tijdens het DDO en een woonadviesactie met de "
        "corporatie voor beter hang- en sluitwerk.",
        "Buurtpreventie, waarschuwingsborden en extra surveillance op de piekmomenten "
        "combineren; bij het DIK een verdiepende analyse van de vluchtroutes aanvragen.",
    ),
}

DEEP_ANALYSIS_QUESTION = (
    "Welke daders en vluchtroutes zijn te herkennen in de inbraken in {buurt} in 2016–2017, "
    "en op welke dagen en tijden is surveillance daar het meest zinvol?"
)
DEEP_ANALYSIS_ANSWER = (
    "Het DIK ziet in {buurt} een concentratie van inbraken op werkdagen tussen 17.00 en 21.00 "
    "uur in de donkere maanden. Een deel van de zaken hangt samen met daders van buiten de "
    "gemeente die via de uitvalsweg komen. Advies: surveillance en ANPR-controles op de "
    "uitvalswegen op die tijden."
)
DEEP_ANALYSIS_WITHDRAWN = "Ingetrokken: de nieuwe gebiedsscan gaf voor {buurt} voldoende inzicht."


@dataclass(frozen=True)
class BylawText:
    name: str
    description: str


BYLAW_TEXTS = (
    BylawText(
        "APV: verbod op het vervoer van inbrekerswerktuigen",
        "Wie zonder goede reden inbrekerswerktuigen bij zich heeft in een woonwijk, is "
        "strafbaar; de politie en boa's handhaven.",
    ),
    BylawText(
        "Last onder dwangsom bij inbrekerswerktuigen",
        "De burgemeester legt een last onder dwangsom op aan wie herhaaldelijk met "
        "inbrekerswerktuigen wordt aangetroffen.",
    ),
    BylawText(
        "APV: registratieplicht voor opkopers",
        "Opkopers en goudhandelaren registreren hun inkopen in het Digitaal Opkopersregister.",
    ),
    BylawText(
        "Cameratoezicht (artikel 151c Gemeentewet)",
        "Tijdelijk cameratoezicht op de toegangsroute van een hotspot tijdens het DDO.",
    ),
)


@dataclass(frozen=True)
class PartnerText:
    kind: PartnerKind
    name: str  # may hold {place} and {team}
    role: str
    contact: str  # a role, never a person
    email: str  # a role mailbox under example.nl; may hold {slug}


REQUIRED_PARTNERS = (
    PartnerText(
        PartnerKind.MUNICIPALITY,
        "Gemeente {place}, team Openbare Orde en Veiligheid",
        "Projectleiding, bestuurlijke maatregelen, communicatie en subsidies.",
        "projectleider woninginbraken",
        "veiligheid@gemeente-{slug}.example.nl",
    ),
    PartnerText(
        PartnerKind.POLICE,
        "Politie eenheid Den Haag, {team}",
        "Wijkagenten, surveillance, opsporing en analyse van de cijfers.",
        "teamchef basisteam",
        "basisteam-{slug}@politie.example.nl",
    ),
    PartnerText(
        PartnerKind.PROSECUTION,
        "Openbaar Ministerie, parket Den Haag",
        "Strafrechtelijke aanpak van veelplegers en snelrecht.",
        "officier van justitie woninginbraken",
        "woninginbraken@om.example.nl",
    ),
)

OPTIONAL_PARTNERS = (
    PartnerText(
        PartnerKind.HOUSING_CORPORATION,
        "Woonstichting Kersenhof",
        "Hang- en sluitwerk, verlichting en onderhoud van het eigen woningbezit.",
        "wijkconsulent",
        "wijkbeheer@woonstichting-kersenhof.example.nl",
    ),
    PartnerText(
        PartnerKind.RESIDENTS,
        "Buurtpreventievereniging {place}",
        "Buurtpreventieteams en WhatsApp-buurtpreventiegroepen.",
        "coördinator buurtpreventie",
        "info@buurtpreventie-{slug}.example.nl",
    ),
    PartnerText(
        PartnerKind.RESIDENTS,
        "Bewonersplatform {place}",
        "Meedenken over de aanpak in de wijk en bewonersavonden.",
        "secretariaat bewonersplatform",
        "secretariaat@bewonersplatform-{slug}.example.nl",
    ),
    PartnerText(
        PartnerKind.BUSINESS,
        "Ondernemersvereniging {place}",
        "Contact met opkopers, bouwmarkten en slotenmakers.",
        "secretariaat ondernemersvereniging",
        "secretariaat@ondernemers-{slug}.example.nl",
    ),
    PartnerText(
        PartnerKind.OTHER,
        "Jongerenwerk {place}",
        "Jongeren in beeld houden en doorverwijzen naar Halt.",
        "coördinator jongerenwerk",
        "jongerenwerk@welzijn-{slug}.example.nl",
    ),
    PartnerText(
        PartnerKind.OTHER,
        "Slachtofferhulp, regio Den Haag",
        "Nazorg en ondersteuning van slachtoffers.",
        "regiocoördinator",
        "regio-denhaag@slachtofferhulp.example.nl",
    ),
    PartnerText(
        PartnerKind.OTHER,
        "RSIV eenheid Den Haag",
        "Advies, regionale werkgroep en coördinatie van de evaluaties.",
        "coördinator RSIV",
        "coordinator@rsiv-denhaag.example.nl",
    ),
)


@dataclass(frozen=True)
class MeasureDetail:
    """How a catalogue measure is filled in: text, partner, cost and the hots it targets."""

    description: str
    partner_kinds: tuple[PartnerKind, ...]
    cost_range: tuple[int, int]  # whole euros, illustrative
    dark_days: bool
    hot_kinds: tuple[HotKind, ...]


_P = PartnerKind
_H = HotKind

MEASURE_DETAILS: dict[str, MeasureDetail] = {
    "top_x": MeasureDetail(
        "Politie en OM volgen de bekende veelplegers woninginbraak persoonsgericht: "
        "huisbezoeken, snelrecht en afspraken met de reclassering.",
        (_P.POLICE, _P.PROSECUTION),
        (0, 0),
        False,
        (_H.HOTSHOT,),
    ),
    "ddo_watch": MeasureDetail(
        "Tijdens het Donkere Dagen Offensief worden bekende inbrekers actief gevolgd en "
        "aangesproken.",
        (_P.POLICE,),
        (0, 0),
        True,
        (_H.HOTSHOT, _H.HOTGROUP),
    ),
    "apv_tools_ban": MeasureDetail(
        "Het APV-verbod op inbrekerswerktuigen wordt bij controles toegepast door politie en "
        "boa's.",
        (_P.MUNICIPALITY,),
        (0, 2_000),
        False,
        (_H.HOTSHOT, _H.HOTGROUP),
    ),
    "tools_penalty": MeasureDetail(
        "Bij herhaald bezit van inbrekerswerktuigen legt de burgemeester een last onder "
        "dwangsom op.",
        (_P.MUNICIPALITY,),
        (0, 0),
        False,
        (_H.HOTSHOT,),
    ),
    "dealer_register": MeasureDetail(
        "Opkopers registreren inkopen in het Digitaal Opkopersregister; de politie vergelijkt "
        "die met gestolen goederen.",
        (_P.MUNICIPALITY,),
        (1_500, 4_000),
        False,
        (_H.HOTFACILITY,),
    ),
    "dealer_checks": MeasureDetail(
        "Gezamenlijke controles van gemeente en politie bij opkopers, goudhandelaren en "
        "tweedehandszaken.",
        (_P.MUNICIPALITY, _P.POLICE),
        (0, 0),
        False,
        (_H.HOTFACILITY,),
    ),
    "anpr_checks": MeasureDetail(
        "Verkeerscontroles met ANPR-camera's op de uitvalswegen op de piekmomenten uit de analyse.",
        (_P.POLICE,),
        (0, 0),
        True,
        (_H.HOTGROUP,),
    ),
    "forensic_follow_up": MeasureDetail(
        "Na elke woninginbraak komt de forensische opsporing ter plaatse voor sporenonderzoek.",
        (_P.POLICE,),
        (0, 0),
        False,
        (),
    ),
    "youth_halt": MeasureDetail(
        "Het jongerenwerk en Halt benaderen jongeren die betrokken zijn bij inbraak of heling.",
        (_P.OTHER, _P.MUNICIPALITY),
        (5_000, 12_000),
        False,
        (_H.HOTGROUP,),
    ),
    "pkvw": MeasureDetail(
        "Woningen in de hotspots worden getoetst aan het Politiekeurmerk Veilig Wonen; de "
        "corporatie past haar bezit aan.",
        (_P.HOUSING_CORPORATION, _P.MUNICIPALITY),
        (10_000, 40_000),
        False,
        (_H.HOTTARGET,),
    ),
    "lock_subsidy": MeasureDetail(
        "Eigenaar-bewoners in de hotspots krijgen subsidie voor inbraakwerend hang- en "
        "sluitwerk (tot 250 euro per woning).",
        (_P.MUNICIPALITY,),
        (15_000, 50_000),
        False,
        (_H.HOTTARGET,),
    ),
    "security_advice": MeasureDetail(
        "Preventieavonden en gratis woonadvies aan huis door gemeente en politie.",
        (_P.MUNICIPALITY, _P.POLICE),
        (1_000, 5_000),
        False,
        (_H.HOTVICTIM,),
    ),
    "neighbour_letters": MeasureDetail(
        "Na een inbraak krijgen de omwonenden binnen 48 uur een waarschuwingsbrief met "
        "preventietips.",
        (_P.POLICE, _P.MUNICIPALITY),
        (500, 1_500),
        False,
        (_H.HOTSPOT,),
    ),
    "victim_aftercare": MeasureDetail(
        "Slachtoffers krijgen binnen een week een nazorgbezoek met woonadvies en informatie "
        "over Slachtofferhulp.",
        (_P.POLICE, _P.OTHER),
        (0, 2_000),
        False,
        (_H.HOTVICTIM,),
    ),
    "holiday_watch": MeasureDetail(
        "Bewoners melden hun woning tijdens de vakantie aan voor extra toezicht door boa's en "
        "buurtpreventie.",
        (_P.MUNICIPALITY, _P.RESIDENTS),
        (1_000, 3_000),
        False,
        (_H.HOTTIME,),
    ),
    "camera_register": MeasureDetail(
        "Bewoners en ondernemers registreren hun camera's bij de politie, zodat beelden snel "
        "kunnen worden opgevraagd.",
        (_P.POLICE, _P.RESIDENTS),
        (0, 1_000),
        False,
        (_H.HOTSPOT,),
    ),
    "corporation_locks": MeasureDetail(
        "Prestatieafspraken met de corporatie over inbraakwerend hang- en sluitwerk bij "
        "onderhoud en mutatie.",
        (_P.HOUSING_CORPORATION,),
        (0, 0),
        False,
        (_H.HOTTARGET,),
    ),
    "elderly_sessions": MeasureDetail(
        "Voorlichtingsbijeenkomsten voor ouderen over babbeltrucs en inbraakpreventie, samen "
        "met de ouderenbonden.",
        (_P.MUNICIPALITY, _P.OTHER),
        (500, 2_500),
        False,
        (_H.HOTVICTIM,),
    ),
    "dark_days_campaign": MeasureDetail(
        "Campagne 'Doe de deur op slot' met posters, tijdschakelaars en berichten op sociale "
        "media.",
        (_P.MUNICIPALITY,),
        (3_000, 12_000),
        True,
        (_H.HOTTIME,),
    ),
    "hotspot_patrols": MeasureDetail(
        "Gerichte surveillance door politie en boa's in de hotspots op de tijden uit de "
        "probleemanalyse.",
        (_P.POLICE,),
        (0, 15_000),
        True,
        (_H.HOTSPOT, _H.HOTTIME),
    ),
    "whatsapp_groups": MeasureDetail(
        "Bewoners richten WhatsApp-buurtpreventiegroepen op volgens vaste spelregels, met de "
        "wijkagent als aanspreekpunt.",
        (_P.RESIDENTS, _P.MUNICIPALITY),
        (0, 1_500),
        False,
        (_H.HOTSPOT,),
    ),
    "prevention_teams": MeasureDetail(
        "Buurtpreventieteams lopen wekelijks door de hotspots en melden verdachte situaties en "
        "gebreken.",
        (_P.RESIDENTS,),
        (2_000, 6_000),
        False,
        (_H.HOTSPOT,),
    ),
    "dog_walkers": MeasureDetail(
        "Hondenbezitters krijgen tips om verdachte situaties tijdens het uitlaten te melden.",
        (_P.RESIDENTS,),
        (500, 2_000),
        False,
        (_H.HOTSPOT,),
    ),
    "street_environment": MeasureDetail(
        "Achterpaden worden verlicht en afgesloten en groen wordt gesnoeid na een schouw met "
        "bewoners.",
        (_P.MUNICIPALITY, _P.HOUSING_CORPORATION),
        (15_000, 60_000),
        False,
        (_H.HOTSPOT,),
    ),
    "warning_signs": MeasureDetail(
        "Borden 'Hier wordt extra gecontroleerd op woninginbraak' bij de toegangen van de "
        "hotspots.",
        (_P.MUNICIPALITY,),
        (1_000, 3_000),
        True,
        (_H.HOTSPOT,),
    ),
    "camera_surveillance": MeasureDetail(
        "Tijdelijk cameratoezicht op de belangrijkste toegangsroute van een hotspot.",
        (_P.MUNICIPALITY,),
        (25_000, 60_000),
        False,
        (_H.HOTSPOT,),
    ),
    "burgernet": MeasureDetail(
        "Burgernet-deelnemers krijgen na een inbraak een oproep om uit te kijken naar de dader "
        "of het voertuig.",
        (_P.POLICE, _P.RESIDENTS),
        (0, 0),
        True,
        (),
    ),
}


@dataclass(frozen=True)
class LocalMeasure:
    """A measure a gemeente devised itself, outside the catalogue."""

    title: str
    target_group: TargetGroup
    intervention: InterventionKind
    detail: MeasureDetail


LOCAL_MEASURES = (
    LocalMeasure(
        "Extra inzet boa's in de avonduren tijdens het DDO",
        TargetGroup.ENVIRONMENT,
        InterventionKind.REPRESSIVE,
        MeasureDetail(
            "Boa's surveilleren op doordeweekse avonden in de hotspots en melden verdachte "
            "situaties direct aan de politie.",
            (_P.MUNICIPALITY,),
            (10_000, 25_000),
            True,
            (_H.HOTSPOT, _H.HOTTIME),
        ),
    ),
    LocalMeasure(
        "Preventietips in het huurdersblad van de corporatie",
        TargetGroup.VICTIM_DWELLING,
        InterventionKind.PREVENTIVE,
        MeasureDetail(
            "Twee keer per jaar een pagina over inbraakpreventie in het huurdersblad.",
            (_P.HOUSING_CORPORATION,),
            (0, 1_000),
            False,
            (_H.HOTTARGET,),
        ),
    ),
    LocalMeasure(
        "Aangiften binnen 24 uur terugkoppelen aan de wijkagent",
        TargetGroup.OFFENDER,
        InterventionKind.REPRESSIVE,
        MeasureDetail(
            "Elke aangifte van woninginbraak gaat de volgende werkdag naar de wijkagent van de "
            "buurt, zodat die buurtonderzoek kan doen.",
            (_P.POLICE,),
            (0, 0),
            False,
            (),
        ),
    ),
    LocalMeasure(
        "Schouw van achterpaden met bewoners en corporatie",
        TargetGroup.ENVIRONMENT,
        InterventionKind.ADMINISTRATIVE,
        MeasureDetail(
            "Jaarlijkse schouw; gebreken gaan via de gemeente naar de eigenaar met een termijn "
            "voor herstel.",
            (_P.MUNICIPALITY,),
            (0, 2_000),
            False,
            (_H.HOTSPOT,),
        ),
    ),
    LocalMeasure(
        "Slachtofferhulp actief aanbieden na een woninginbraak",
        TargetGroup.VICTIM_DWELLING,
        InterventionKind.AFTERCARE,
        MeasureDetail(
            "De politie vraagt bij de aangifte toestemming en Slachtofferhulp belt het "
            "slachtoffer binnen drie dagen.",
            (_P.OTHER, _P.POLICE),
            (0, 0),
            False,
            (_H.HOTVICTIM,),
        ),
    ),
)

# Cells the catalogue fills that the demo may leave empty, so the matrix shows a real gap.
# Not the matrix's first cell (dader x preventief): the Maatregelen screen opens on it, and a
# demo should open on measures, with the gap one look away.
GAP_CANDIDATES = (
    (TargetGroup.VICTIM_DWELLING, InterventionKind.AFTERCARE),
    (TargetGroup.ENVIRONMENT, InterventionKind.ADMINISTRATIVE),
)

# A cell a demo gemeente leaves empty on purpose: the first of these that has no measure.
LEFT_EMPTY_REASONS = {
    (TargetGroup.VICTIM_DWELLING, InterventionKind.REPRESSIVE): (
        "Repressief optreden richt zich op daders, niet op slachtoffers; slachtoffers krijgen "
        "preventie en nazorg."
    ),
    (TargetGroup.VICTIM_DWELLING, InterventionKind.ADMINISTRATIVE): (
        "Bestuurlijke maatregelen richten zich hier op panden en daders; voor bewoners is er "
        "preventie."
    ),
}

STOP_REASONS = (
    "Gestopt: te weinig animo bij bewoners.",
    "Gestopt: geen capaciteit bij de partner na de reorganisatie.",
    "Gestopt: de kosten bleken hoger dan begroot.",
)

TACTICAL_TOPICS = (
    "Concept-plannen van aanpak per gemeente bespreken",
    "Start projectperiode en eerste resultaten DDO",
    "Cijfers eerste kwartaal en (extra) kosten",
    "Voorbereiding nieuwe gebiedsscan",
    "Nieuwe gebiedsscan en bijstelling van de plannen",
    "Voorbereiding DDO 2018–2019",
    "Opzet van de evaluatie na 12 maanden",
)

TACTICAL_PARTICIPANTS = (
    "coördinator RSIV (voorzitter), projectleiders van de deelnemende gemeenten, "
    "veiligheidsadviseur/analist politie, portefeuillehouder politie, portefeuillehouder OM, "
    "communicatieadviseur"
)

STRATEGIC_PARTICIPANTS = (
    "regionaal portefeuillehouder woninginbraken (voorzitter), burgemeester Gouda, ambtelijke "
    "ondersteuning Bodegraven-Reeuwijk, portefeuillehouder politie, portefeuillehouder OM, "
    "veiligheidsadviseur/analist politie, teamchef Gouda, coördinator RSIV"
)

TACTICAL_AGENDA = (
    "1. Opening en mededelingen\n"
    "2. {topic}\n"
    "3. Samengevatte scan, analyse en plannen van aanpak per gemeente\n"
    "4. Resultaten en (extra) kosten\n"
    "5. Successen en knelpunten\n"
    "6. Communicatie\n"
    "7. Rondvraag"
)

OPERATIONAL_AGENDA = (
    "1. Cijfers aangiften en meldingen {month}\n"
    "2. Hotspots en probleemanalyses\n"
    "3. Voortgang maatregelen (3D-matrix)\n"
    "4. Actielijst\n"
    "5. Communicatie\n"
    "6. Rondvraag"
)

DECISIONS: dict[str, tuple[str, ...]] = {
    "operational": (
        "Surveillance in hotspot {hotspot} wordt op de piektijden uit de probleemanalyse "
        "geïntensiveerd.",
        "De maatregel '{measure}' wordt voortgezet; de projectleider meldt de resultaten in de "
        "werkgroep.",
        "De wijkagent vult samen met de projectleider de probleemanalyse van hotspot {hotspot} "
        "aan.",
        "Bij elke inbraak in een hotspot gaat binnen 48 uur een waarschuwingsbrief naar de "
        "omwonenden.",
        "Communicatie over resultaten loopt via de gemeente; de politie levert de cijfers.",
        "De corporatie neemt de woningen in {hotspot} mee in het onderhoudsprogramma voor "
        "hang- en sluitwerk.",
    ),
    "tactical": (
        "Gemeenten leveren resultaten en (extra) kosten twee weken voor de volgende werkgroep "
        "aan bij het RSIV.",
        "Successen en knelpunten worden gebundeld in de voortgangsrapportage voor het RBO.",
        "{place} presenteert '{measure}' in de volgende werkgroep als goed voorbeeld.",
        "Er komt een gezamenlijke regionale campagne voor het DDO.",
    ),
    "triangle": (
        "De driehoek wordt elk kwartaal door de projectleider over de voortgang geïnformeerd.",
        "Extra inzet in de hotspots wordt tijdens het DDO bestuurlijk gesteund.",
        "De projectleider legt de evaluatie na 12 maanden voor aan de driehoek.",
    ),
    "strategic": (
        "De driehoek wordt elk kwartaal door de projectleider over de voortgang geïnformeerd.",
        "Het RBO ontvangt na 12 maanden een samenvatting van de evaluaties.",
        "Extra inzet in de hotspots wordt tijdens het DDO bestuurlijk gesteund.",
    ),
}

PLAN_ADOPTED = "Het plan van aanpak woninginbraken {place} wordt vastgesteld en krijgt prioriteit."

# Decisions that belong to a particular month of the project, keyed by (year, month).
SEASONAL_DECISIONS: dict[tuple[int, int], str] = {
    (2018, 7): "Het plan van aanpak wordt bijgesteld op basis van de nieuwe gebiedsscan.",
    (2018, 9): "De inzet voor het DDO 2018–2019 wordt vastgesteld.",
    (2019, 1): "De evaluatie na 12 maanden wordt opgesteld met de B3W-vragenlijst.",
}


@dataclass(frozen=True)
class ActionText:
    title: str  # may hold {measure}, {hotspot}, {month}
    owner: str  # a role; {partner} is the measure's partner contact, {place} the gemeente
    needs_measure: bool = False


MEASURE_ACTIONS = (
    ActionText("Uitvoering '{measure}' plannen met de partner", "{partner}", True),
    ActionText("Resultaten '{measure}' aanleveren voor het overleg", "{partner}", True),
    ActionText(
        "Kosten '{measure}' bijhouden en doorgeven aan het RSIV",
        "projectleider gemeente {place}",
        True,
    ),
    ActionText(
        "Communicatie over '{measure}' voorbereiden", "communicatieadviseur gemeente {place}", True
    ),
)

GENERAL_ACTIONS = (
    ActionText("Probleemanalyse hotspot {hotspot} bijwerken", "wijkagent {hotspot}"),
    ActionText("Cijfers aangiften en meldingen {month} aanleveren", "analist politie basisteam"),
    ActionText("Bewonersavond in {hotspot} organiseren", "projectleider gemeente {place}"),
    ActionText("Schouw achterpaden {hotspot} met bewoners en corporatie", "wijkagent {hotspot}"),
    ActionText("Voortgang melden in de driehoek", "projectleider gemeente {place}"),
)

TACTICAL_ACTIONS = (
    ActionText("Resultaten en kosten aanleveren bij het RSIV", "projectleider gemeente {place}"),
    ActionText(
        "Goed voorbeeld '{measure}' voorbereiden voor de werkgroep",
        "projectleider gemeente {place}",
        True,
    ),
    ActionText("Knelpunten doorgeven voor de RBO-rapportage", "projectleider gemeente {place}"),
)

SEASONAL_ACTIONS: dict[tuple[int, int], ActionText] = {
    (2018, 6): ActionText(
        "Nieuwe gebiedsscan doorlopen en hotspots herbeoordelen", "analist politie basisteam"
    ),
    (2018, 7): ActionText(
        "Plan van aanpak bijstellen op basis van de nieuwe gebiedsscan",
        "projectleider gemeente {place}",
    ),
    (2018, 9): ActionText(
        "DDO-inzet 2018–2019 afstemmen met alle partners", "projectleider gemeente {place}"
    ),
    (2018, 12): ActionText(
        "B3W-vragenlijst invullen voor de evaluatie", "projectleider gemeente {place}"
    ),
    (2019, 1): ActionText(
        "Evaluatie na 12 maanden opstellen en voorleggen aan de driehoek",
        "projectleider gemeente {place}",
    ),
}

EVALUATION_EXPLANATIONS = {
    "stop": "Weinig effect gezien tegen de inzet; de middelen gaan naar de hotspots.",
    "continue": "Effect zichtbaar in de hotspots; nog een jaar voortzetten en opnieuw bekijken.",
    "embed": "Werkt goed en past in het reguliere werk van de partner; wordt geborgd.",
}


# What the wijkagent proposed in the latest analysis of the first hotspot (illustrative).
PROPOSED_MEASURES = (
    (
        "Brandgangen afsluiten en verlichten",
        TargetGroup.ENVIRONMENT,
        InterventionKind.PREVENTIVE,
        "woningcorporatie",
    ),
    (
        "Gerichte surveillance op vrijdag- en zaterdagavond",
        TargetGroup.OFFENDER,
        InterventionKind.REPRESSIVE,
        "politie",
    ),
)
