"""The scanner's rule table, spelling by spelling: what must be found and what must not."""

from __future__ import annotations

import pytest

from app.exchange.privacy import RULES, scan_text

# (text, the Dutch label of every finding in order); an empty tuple is a near-miss.
SPELLINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # BSN: every grouping, with the 11-proef
    ("BSN 111222333 bekend", ("BSN",)),
    ("bsn: 111 222 333", ("BSN",)),
    ("nummer 111.222.333 genoemd", ("BSN",)),
    ("1112.22.333", ("BSN",)),
    ("1112 22 333 in het dossier", ("BSN",)),
    ("111-22-2333", ("BSN",)),
    ("BSN 123456782", ("BSN",)),
    ("123456789 haalt de proef niet", ()),
    ("111 222 334", ()),
    ("kosten € 123.456.789", ()),
    ("123.456.789 euro subsidie", ()),
    ("1234567890 tien cijfers", ()),
    # phone numbers
    ("Bel 06-12345678 voor de sleutel", ("telefoonnummer",)),
    ("bel 0612345678", ("telefoonnummer",)),
    ("06 12345678", ("telefoonnummer",)),
    ("06-1234 5678", ("telefoonnummer",)),
    ("06 12 34 56 78", ("telefoonnummer",)),
    ("06.12.34.56.78", ("telefoonnummer",)),
    ("+31 6 12345678", ("telefoonnummer",)),
    ("+31 (0)6 12345678", ("telefoonnummer",)),
    ("+31612345678", ("telefoonnummer",)),
    ("0031 6 1234 5678", ("telefoonnummer",)),
    ("070-1234567", ("telefoonnummer",)),
    ("(070) 123 45 67", ("telefoonnummer",)),
    ("0182-123456", ("telefoonnummer",)),
    ("+31 70 123 4567", ("telefoonnummer",)),
    ("Meld Misdaad Anoniem 0800-7000", ()),
    ("politie 0900-8844", ()),
    ("0800 1234567 gratis", ()),
    ("op 01-03-2018 10:00 gestart", ()),
    ("tussen 06:00 en 10:00 uur", ()),
    ("IBAN NL91ABNA0417164300", ()),
    ("IBAN NL91 ABNA 0417 1643 00", ()),
    ("buurt BU05130101", ()),
    # e-mail
    ("Mail naar jan.jansen@gmail.com", ("e-mailadres",)),
    ("Contact: wijkagent@politie.nl", ("e-mailadres",)),
    ("iemand@hetnet.nl", ("e-mailadres",)),
    ("info@partner.nl is bevestigd", ()),
    # licence plates
    ("Auto met kenteken 12-ABC-3 gezien", ("kenteken",)),
    ("kenteken ab-12-cd", ("kenteken",)),
    ("XX-99-99 en 99-XX-XX", ("kenteken", "kenteken")),
    ("bus 1-KBB-23", ("kenteken",)),
    ("GBX-12-A", ("kenteken",)),
    ("kenteken AB12CD", ("kenteken",)),
    ("gemeente GM0513", ()),
    ("wijk WK051301", ()),
    ("datum 12-03-18", ()),
    ("06-12-2018", ()),
    # postcode with house number
    ("Inbraak op 2801 AB 12 gemeld", ("postcode met huisnummer",)),
    ("2801AB12", ("postcode met huisnummer",)),
    ("2801ab 12", ("postcode met huisnummer",)),
    ("Kerkstraat 12, 2801 AB", ("postcode met huisnummer",)),
    ("postcodegebied 2801 AB", ()),
    ("In 2018 en 2019 daalde het", ()),
    # dates of birth
    ("Man, geb. 12-03-1990, aangehouden", ("geboortedatum",)),
    ("geboren op 3 maart 1985", ("geboortedatum",)),
    ("geboortedatum: 1990-03-12", ("geboortedatum",)),
    ("geboren in 1990", ("geboortedatum",)),
    ("maatregel gestart op 12-03-2018", ()),
    # names
    ("Verdachte Jan de Vries (geb. 12-03-1990)", ("naam van een persoon", "geboortedatum")),
    ("dader: P. Jansen", ("naam van een persoon",)),
    ("mevrouw El Amrani belde", ("naam van een persoon",)),
    ("de heer Van den Berg", ("naam van een persoon",)),
    ("slachtoffer Fatima Yilmaz", ("naam van een persoon",)),
    ("bewoner J.P. de Wit", ("naam van een persoon",)),
    ("Getuige Ahmed (12-03-1990)", ("naam van een persoon", "geboortedatum")),
    ("dhr. Bakker", ("naam van een persoon",)),
    ("de verdachte is onbekend", ()),
    ("Dader onbekend", ()),
    ("Verdachte Onbekend", ()),
    ("bewoners van de Bloemenbuurt", ()),
    ("slachtoffer van een inbraak", ()),
    ("Rondtrekkende daders (mobiel banditisme)", ()),
)


@pytest.mark.parametrize(("text", "expected"), SPELLINGS, ids=[s[0] for s in SPELLINGS])
def test_spelling(text: str, expected: tuple[str, ...]) -> None:
    hits = scan_text(text, confirmed_addresses=frozenset({"info@partner.nl"}))
    assert tuple(hit.rule.what for hit in hits) == expected


def test_the_table_has_at_least_sixty_spellings_with_hits_and_near_misses() -> None:
    assert len(SPELLINGS) >= 60
    assert sum(not expected for _, expected in SPELLINGS) >= 20


def test_of_the_personal_data_only_a_bsn_blocks() -> None:
    blocking = [rule.what for rule in RULES if rule.blocks]
    assert blocking == ["BSN", "planversie die niet te controleren is"]


def test_a_bare_name_counts_only_where_people_are_described() -> None:
    assert [h.found for h in scan_text("Jan de Vries", bare_names=True)] == ["Jan de Vries"]
    assert [h.found for h in scan_text("J. Jansen", bare_names=True)] == ["J. Jansen"]
    assert not scan_text("Jan de Vries")
    assert not scan_text("veelpleger-groep A", bare_names=True)


def test_a_confirmed_address_is_exact_never_a_domain() -> None:
    confirmed = frozenset({"contact@nl", "info@hetnet.nl"})
    assert not scan_text("info@hetnet.nl", confirmed_addresses=confirmed)
    assert [h.found for h in scan_text("buur@hetnet.nl", confirmed_addresses=confirmed)] == [
        "buur@hetnet.nl"
    ]
