"""The Dutch text of the "Toelichting" sheet: what the file is and how to edit it safely."""

from __future__ import annotations

from app.exchange.schema import PackageSchema

GUIDE_SHEET = "Toelichting"
MUNICIPALITY_SHEET = "Gemeente"


def guide_lines(schema: PackageSchema, municipality_name: str) -> list[str]:
    lines = [
        f"Uitwisselpakket plan van aanpak woninginbraken - {municipality_name}",
        "",
        "Dit bestand is het standaardpakket waarmee een gemeente haar plan van aanpak naar de "
        "RSIV-coördinator stuurt. Het programma Aanpak Woninginbraken heeft het gemaakt en kan "
        "het weer inlezen.",
        "",
        "Zo past u het bestand aan:",
        "- Wijzig waarden gewoon in de cellen. Gebruik bij keuzekolommen de keuzelijst in de cel.",
        "- Een nieuwe rij: vul een lege rij onder de tabel en laat de kolom ID leeg; bij het "
        "inlezen krijgt de rij een eigen ID.",
        "- De kolom ID is beveiligd; wijzig ook Aangemaakt en Gewijzigd niet. Om een rij "
        "te verwijderen heft u eerst de bladbeveiliging op (Controleren > Beveiliging blad "
        "opheffen; er is geen wachtwoord). Bij het inlezen ziet u verwijderde rijen apart en "
        "beslist u of ze echt weg mogen.",
        "- Datums zijn echte datums; typ ze als dd-mm-jjjj.",
        "- Gebruik geen formules: een formule waar een waarde hoort wordt geweigerd.",
        "- Wijzig de namen van de bladen en de kolomkoppen niet.",
        "- Zet geen privégegevens in het bestand: geen BSN, geen namen van verdachten, geen "
        "adressen van bewoners of privételefoonnummers.",
        "",
        "De bladen:",
    ]
    lines.extend(f"- {sheet.name}: {sheet.description}" for sheet in schema.sheets)
    lines.extend(
        [
            "",
            "Het verborgen blad Metadata beschrijft het pakket (formaat, versie, gemeente, "
            "volgnummer). Wijzig het niet.",
        ]
    )
    return lines
