"""What a workspace holds that its package does not carry, and why: declared once.

docs/package-format.md lists it (generated from here), and the round-trip test rebuilds a
workspace from its own package and compares every other table in full, so a table or column
that neither travels nor is listed here makes that test fail.
"""

from __future__ import annotations

# Tables a package never carries, with the reason a reader of docs/package-format.md sees.
NOT_CARRIED: dict[str, str] = {
    "workspace_info": (
        "De identiteit van het werkruimtebestand zelf: ID, aanmaakmoment en programmaversie. "
        "Het volgnummer loopt wel door: inlezen zet het op dat van het pakket, zodat het "
        "volgende pakket van de nieuwe werkruimte een hoger volgnummer krijgt."
    ),
    "package_export": (
        "Het logboek van de pakketten die deze werkruimte maakte (volgnummer, moment, "
        "bestandsnaam). Een nieuwe werkruimte begint haar eigen logboek."
    ),
    "privacy_redaction": (
        "Het logboek van wat in deze werkruimte door [verwijderd] is vervangen. De vervanging "
        "zelf reist mee, want de tekst in het pakket is al vervangen; het logboek noemt "
        "plaatsen en momenten in deze werkruimte."
    ),
    "rsiv_feedback": (
        "De terugkoppelingen van het RSIV die hier zijn ingelezen. Ze komen van het RSIV en "
        "gaan er niet naartoe terug; lees in een nieuwe werkruimte de laatste terugkoppeling "
        "opnieuw in (feedback-import)."
    ),
    "incident": (
        "Losse incidenten (tijdvak en werkwijze) blijven om privacyredenen bij de gemeente; "
        "het pakket draagt alleen hun aantallen (blad Incidentaantallen), voor het RSIV. Lees "
        "in een nieuwe werkruimte de losse incidenten opnieuw in uit het bestand van de "
        "politie (figures) vóór haar eerste pakket: anders heeft dat pakket geen aantallen en "
        "vervallen die bij het RSIV (het overzicht bij het samenvoegen toont dat)."
    ),
    "incident_count": (
        "Alleen voor het RSIV: een gemeente telt haar losse incidenten bij elke export opnieuw, "
        "dus haar eigen import slaat deze aantallen over."
    ),
    "open_data_figure": (
        "Een kopie van openbare CBS-cijfers; lees in een nieuwe werkruimte dezelfde download "
        "van het CBS opnieuw in."
    ),
    "imported_package": "Alleen in de RSIV-werkruimte: de importgeschiedenis.",
    "merged_record": "Alleen in de RSIV-werkruimte: de herkomst van samengevoegde records.",
    "werkgroep_suggestion": "Alleen in de RSIV-werkruimte: de suggesties voor de werkgroep.",
    "rsiv_note": "Alleen in de RSIV-werkruimte: de notities van het RSIV.",
}

# Reference data every workspace makes itself when it is created: the same content
# everywhere, only the moment the rows were made differs.
MADE_BY_EVERY_WORKSPACE: dict[str, str] = {
    "municipality": "De lijst van gemeenten (CBS-code, naam, politieteam, deelnemer).",
    "national_reference": "De landelijke inbraakcijfers die het programma meebrengt.",
}

# What lives outside the workspace's tables altogether, and so never travels either.
OUTSIDE_THE_WORKSPACE: tuple[str, ...] = (
    "Ongedaan maken en opnieuw: die stappen staan alleen in het geheugen van het venster en "
    "verdwijnen bij het sluiten.",
    "De instellingen (één INI-bestand in de gegevensmap van deze computer).",
    "Het foutenlogboek logs/fouten.log en de reservekopieën in de gegevensmap.",
)
