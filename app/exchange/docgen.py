"""Generates docs/package-format.md from the schema, so the document cannot drift.

Run `python -m app.exchange.docgen` after changing the schema; a test compares the file.
"""

from __future__ import annotations

import sys
from pathlib import Path

from app.exchange.guide import GUIDE_SHEET, MUNICIPALITY_SHEET
from app.exchange.limits import (
    FIRST_YEAR,
    LAST_YEAR,
    MAX_DECIMAL,
    MAX_SEQUENCE,
    PACKAGE_LIMITS,
)
from app.exchange.metadata import METADATA_CHECK_KEY, METADATA_KEYS, METADATA_SHEET
from app.exchange.safety import MAX_FILE_BYTES, MAX_TOTAL_UNPACKED
from app.exchange.schema import EXCEL_TEXT_LIMIT, FORMAT_ID, Column, PackageSchema
from app.exchange.validator import MAX_ROWS_PER_SHEET
from app.exchange.versions import CURRENT, READABLE
from app.exchange.workspace_local import (
    MADE_BY_EVERY_WORKSPACE,
    NOT_CARRIED,
    OUTSIDE_THE_WORKSPACE,
)

DOCUMENT = Path(__file__).resolve().parents[2] / "docs" / "package-format.md"


def render_markdown(schema: PackageSchema = CURRENT) -> str:
    lines = [
        "# Pakketformaat (uitwisselpakket)",
        "",
        "<!-- Gegenereerd door `python -m app.exchange.docgen` uit app/exchange/schema.py; "
        "niet met de hand wijzigen. -->",
        "",
        f"Formaat `{FORMAT_ID}`, versie {schema.version}. Dit programma leest de versies "
        f"{', '.join(map(str, sorted(READABLE)))}; een pakket van een nieuwere versie wordt "
        "geweigerd met het advies het programma bij te werken.",
        "",
        "Versie 2 verschilt van versie 1 alleen in de incidenten: versie 1 had een blad "
        "Incidenten met één rij per inbraak (tijdvak, buurt, poging, werkwijze); versie 2 heeft "
        "in plaats daarvan het blad Incidentaantallen met alleen aantallen per maand, buurt, "
        "weekdag en uur. Een pakket van versie 1 wordt nog gelezen: de losse incidenten worden "
        "bij het inlezen geteld zoals in versie 2 en alleen die aantallen worden opgeslagen "
        "(met een waarschuwing); de werkwijze wordt niet bewaard.",
        "",
        "Versie 3 voegt de bladen Formulieren (de formulieren die naar de wijkagent zijn "
        "gestuurd), Voorgestelde maatregelen (de maatregelen die een probleemanalyse "
        "voorstelt) en Bewust leeg (de cellen van de 3D-matrix die de gemeente met een reden "
        "bewust leeg laat: geen gat in het plan) toe, zodat een werkruimte die uit haar eigen "
        "pakket wordt opgebouwd het hele plan heeft en eerder verstuurde formulieren kan "
        "inlezen. Een pakket van versie 1 of 2 wordt nog gelezen; formulieren, voorgestelde "
        "maatregelen en bewust lege cellen blijven dan zoals ze zijn.",
        "",
        "Privacy: het programma controleert elke tekst en code in een pakket bij het maken en bij "
        "het inlezen en samenvoegen (zie docs/privacy.md). Een BSN, een planversie waarvan de "
        "inhoud niet te controleren is, of een naam bij een hotshot of hotgroup weigert het "
        "pakket bij het inlezen. Metadata **Demo** is `ja` voor een pakket uit een "
        "demowerkruimte (ontbreekt bij oudere pakketten: `nee`); een echte werkruimte weigert "
        "een demopakket en een demowerkruimte een echt pakket. Metadata **Bijdrager** is "
        "`ja` voor een pakket uit de werkruimte van een bijdrager (een gemeente die niet "
        "deelneemt maar goede voorbeelden deelt, zoals Leiden; zie docs/bijdragers.md); het "
        "RSIV voegt het samen als bijdrager, buiten de cijfers van de regio.",
        "",
        "Een pakket is één Excel-werkmap (.xlsx) met de gegevens van één gemeente. De "
        "bladen, in deze volgorde:",
        "",
        f"- **{GUIDE_SHEET}**: uitleg voor de lezer.",
        f"- **{MUNICIPALITY_SHEET}**: CBS-code en naam van de gemeente (rij 2).",
        *[f"- **{sheet.name}**: {sheet.description}" for sheet in schema.sheets],
        f"- **{METADATA_SHEET}** (verborgen): sleutel in kolom A, waarde (tekst) in kolom B.",
        "",
        "## Regels voor alle bladen",
        "",
        "- Rij 1 bevat de kolomkoppen; kolommen worden op hun kop gelezen (een andere volgorde "
        "of een extra kolom geeft een waarschuwing, een ontbrekende kop een fout).",
        "- Elk gegevensblad is een Excel-tabel met vaste koprij, keuzelijsten voor "
        "keuzekolommen en een beveiligde ID-kolom (beveiliging zonder wachtwoord).",
        "- Een lege ID betekent een nieuwe rij: die krijgt bij het inlezen een nieuwe UUID.",
        "- Een record dat in de werkruimte staat maar niet in het pakket, wordt bij het inlezen "
        "als verwijdering getoond en alleen na bevestiging verwijderd.",
        "- Tekst is altijd tekst (ook als die met = + - @ begint), hoogstens "
        f"{_number(EXCEL_TEXT_LIMIT)} tekens; stuurtekens worden verwijderd.",
        "- Formules worden nooit uitgerekend: een formule waar een waarde hoort is een fout.",
        "- Een datum als tekst (bijvoorbeeld `3-1-2018`), een getal als tekst en spaties rond "
        "codes geven een waarschuwing en worden omgezet.",
        "- Datums staan als Excel-datum met de opmaak dd-mm-jjjj.",
        "- Tijden (tijdstempels en de exportdatum) staan als tekst in Nederlandse tijd: "
        "`dd-mm-jjjj uu:mm:ss`, met `,` en zes cijfers als er microseconden zijn, en het "
        "verschil met UTC (`+01:00` in de winter, `+02:00` in de zomer), bijvoorbeeld "
        "`03-12-2026 06:54:42,123456 +01:00`. Zo leest een mens de tijd zoals de klok hem "
        "aangaf, en leest het programma precies hetzelfde moment terug (ook in het uur dat bij "
        "de overgang naar wintertijd twee keer voorkomt). In de werkruimte staan tijden in UTC. "
        "Pakketten van voor deze versie hebben koppen met '(UTC)' en tijden als "
        "`2026-12-03 05:54:42.123456` (UTC); die worden nog gelezen.",
        f"- Hoogstens {_number(MAX_ROWS_PER_SHEET)} rijen per blad, een bestand van hoogstens "
        f"{MAX_FILE_BYTES // 2**20} MB dat uitgepakt hoogstens {MAX_TOTAL_UNPACKED // 2**20} MB "
        "is; geen macro's (ook niet onder een andere naam), geen externe koppelingen, geen "
        "versleuteling, geen .xls, geen DTD's, geen onderdeel of bladnaam twee keer.",
        f"- Een blad loopt hoogstens tot kolom {PACKAGE_LIMITS.columns} en rij "
        f"{_number(PACKAGE_LIMITS.rows + 1)}, geteld vanaf A1 tot de verste cel die er staat "
        "(niet de opgegeven afmeting).",
        f"- Gehele getallen passen in 64 bits, decimale getallen zijn eindig en hoogstens "
        f"{_number(int(MAX_DECIMAL))}, datums en jaartallen liggen in {FIRST_YEAR}-{LAST_YEAR}.",
        "",
        f"## {METADATA_SHEET}",
        "",
        "| sleutel (kolom A) | betekenis |",
        "|---|---|",
        *[f"| {key} | `{name}` |" for name, key in METADATA_KEYS.items()],
        f"| {METADATA_CHECK_KEY} | controlegetal over de rijen hierboven |",
        "",
        "De inhoudshash is een SHA-256 over alle rijen (op sleutel gesorteerd). Wijkt die bij "
        "het inlezen af, dan is het pakket na de export met de hand bewerkt (een waarschuwing).",
        "Het controlegetal is een SHA-256 over de paren veldnaam (tweede kolom hierboven) en "
        "waarde, als compacte JSON-lijst in deze volgorde. Wijkt het af, dan is de metadata "
        "gewijzigd en wordt het bestand geweigerd. Het volgnummer ligt tussen 1 en "
        f"{_number(MAX_SEQUENCE)}.",
    ]
    lines += _not_carried()
    for sheet in schema.sheets:
        lines.extend(
            [
                "",
                f"## {sheet.name}",
                "",
                sheet.description,
                "",
                f"Sleutel: {' + '.join(sheet.column(f).header for f in sheet.key_fields)}.",
            ]
        )
        if sheet.optional:
            lines.append(
                "Dit blad is later aan het formaat toegevoegd: een pakket zonder dit blad wordt "
                "gelezen als zonder deze records, en een leeg blad telt niet mee in de "
                "inhoudshash, zodat oudere pakketten hun hash houden."
            )
        for fields in sheet.unique_together:
            headers = " + ".join(sheet.column(f).header for f in fields)
            lines.append(f"Uniek per gemeente: {headers}.")
        lines.extend(
            [
                "",
                "| kolom | type | verplicht | toegestane waarden / lengte | toelichting |",
                "|---|---|---|---|---|",
                *[_column_row(schema, column) for column in sheet.columns],
            ]
        )
    return "\n".join(lines) + "\n"


def _not_carried() -> list[str]:
    """What stays in the workspace: a workspace rebuilt from its own package (init, then
    import) equals the original except for these."""
    return [
        "",
        "## Wat niet in het pakket staat",
        "",
        "Een nieuwe werkruimte van dezelfde gemeente (nieuwe laptop, nieuwe projectleider: "
        "`init` en dan `import` van het laatste pakket) is gelijk aan de oude, behalve:",
        "",
        *[f"- `{table}`: {reason}" for table, reason in NOT_CARRIED.items()],
        *[
            f"- `{table}` (aanmaakmoment): {reason} Elke werkruimte maakt deze rijen zelf."
            for table, reason in MADE_BY_EVERY_WORKSPACE.items()
        ],
        *[f"- {text}" for text in OUTSIDE_THE_WORKSPACE],
    ]


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _column_row(schema: PackageSchema, column: Column) -> str:
    allowed = ", ".join(f"`{value}`" for value in column.allowed_values)
    if not allowed and column.max_length:
        allowed = f"hoogstens {_number(column.max_length)} tekens"
    if column.references:
        allowed = f"ID van blad {schema.sheet(column.references).name}"
    required = "ja" if column.required else "nee"
    former = ", ".join(f"'{name}'" for name in column.former_headers)
    help_text = f"{column.help} Vroeger: {former} (wordt nog gelezen)." if former else column.help
    return f"| {column.header} | {column.kind.value} | {required} | {allowed} | {help_text} |"


def main() -> int:
    DOCUMENT.write_text(render_markdown(), encoding="utf-8")
    print(f"Geschreven: {DOCUMENT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
