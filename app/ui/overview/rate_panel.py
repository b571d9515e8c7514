"""The 12-month burglary rate at a glance: the number itself, completed-only, the change since
the baseline year, and where it stands against the regional 8 and the national average."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from app.analysis.periods import month_label
from app.core.figures.figures import RateSummary
from app.ui.widgets.form_widgets import DUTCH

GOOD = "#1b7a3a"
ALERT = "#b00020"
NO_VALUE = "—"
MINUS_SIGN = "\u2212"  # wider than a hyphen, easier to read on a projector


def decimal_text(value: float, decimals: int = 1) -> str:
    return DUTCH.toString(value, "f", decimals)


def signed_text(value: float) -> str:
    """'+1,2' or '-1,2' with a real minus sign."""
    text = decimal_text(abs(value))
    return ("+" if value > 0 else MINUS_SIGN if value < 0 else "") + text


class FigureCard(QFrame):
    """A caption, one big number and a line that explains it."""

    def __init__(self, caption: str, object_name: str) -> None:
        super().__init__()
        self.setObjectName(object_name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setSpacing(2)
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        self.value = QLabel(NO_VALUE)
        self.value.setObjectName(f"{object_name}Value")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        self.value.setFont(font)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        for label in (self.caption, self.value, self.detail):
            layout.addWidget(label)
        layout.addStretch(1)

    def show_value(
        self, value: str, detail: str, colour: str | None = None, *, colour_detail: bool = False
    ) -> None:
        """`colour` marks good or bad news: on the number, or on the line when the number is
        a reference and the line says how the gemeente compares."""
        style = f"color:{colour};" if colour else ""
        self.value.setText(value)
        self.value.setStyleSheet("" if colour_detail else style)
        self.detail.setText(detail)
        self.detail.setStyleSheet(style if colour_detail else "")
        self.setAccessibleName(f"{self.caption.text()}: {value}. {detail}")


class RatePanel(QWidget):
    """Five cards in a row; below them a sentence when the rate cannot be computed yet."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        grid = QGridLayout()
        grid.setSpacing(8)
        self.rate = FigureCard(self.tr("Inbraakrisico, incl. pogingen"), "rateCard")
        self.completed = FigureCard(self.tr("Alleen geslaagde inbraken"), "completedCard")
        self.change = FigureCard(self.tr("Verandering t.o.v. de nulmeting"), "changeCard")
        self.regional = FigureCard(
            self.tr("Regionaal referentiecijfer (RBO, 2016)"), "regionalCard"
        )
        self.national = FigureCard(self.tr("Landelijk gemiddelde"), "nationalCard")
        cards = (self.rate, self.completed, self.change, self.regional, self.national)
        for column, card in enumerate(cards):
            grid.addWidget(card, 0, column)
            grid.setColumnStretch(column, 1)
        layout.addLayout(grid)
        self.hint = QLabel()
        self.hint.setObjectName("rateHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(
            "QLabel#rateHint { background:#fff4d6; border:1px solid #e0b84f; padding:6px; }"
        )
        layout.addWidget(self.hint)

    def show_summary(self, summary: RateSummary, place: str, imported_here: bool = True) -> None:
        """`imported_here`: False in the RSIV's workspace, where figures come with packages."""
        self._show_rate(summary, imported_here)
        self._show_change(summary)
        self._show_comparison(
            self.regional, summary.regional_reference, summary.rate, place, summary.above_regional
        )
        self.national.caption.setText(
            self.tr("Landelijk gemiddelde {year}").format(year=summary.national_year)
            if summary.national_year
            else self.tr("Landelijk gemiddelde")
        )
        if summary.national_rate is None:
            self.national.show_value(
                NO_VALUE, self.tr("Vul de landelijke reeks in op het tabblad Landelijke reeks.")
            )
        else:
            self._show_comparison(
                self.national,
                summary.national_rate,
                summary.rate,
                place,
                summary.above_national,
            )

    def _show_rate(self, summary: RateSummary, imported_here: bool) -> None:
        withheld = self._withheld_text(summary)
        if summary.rate is None or summary.month is None:
            for card in (self.rate, self.completed):
                card.show_value(NO_VALUE, self.tr("per 1.000 woningen"))
            self.hint.setText(
                withheld or self._missing_rate_text(summary.months_with_counts, imported_here)
            )
            self.hint.show()
            return
        self.hint.setText(withheld)
        self.hint.setVisible(bool(withheld))
        period = self.tr("12 maanden t/m {month}").format(month=month_label(summary.month))
        self.rate.show_value(
            decimal_text(summary.rate),
            self.tr("per 1.000 woningen; {n} inbraken en pogingen in de {period}").format(
                n=DUTCH.toString(summary.burglaries or 0), period=period
            ),
        )
        if summary.rate_completed is None and summary.split_unknown:
            self.completed.show_value(
                NO_VALUE, self.tr("CBS-cijfers: incl. pogingen, verdeling onbekend")
            )
        elif summary.rate_completed is None:
            self.completed.show_value(NO_VALUE, self.tr("per 1.000 woningen"))
        else:
            self.completed.show_value(
                decimal_text(summary.rate_completed),
                self.tr("per 1.000 woningen; {n} geslaagde inbraken").format(
                    n=DUTCH.toString(summary.completed or 0)
                ),
            )

    def _withheld_text(self, summary: RateSummary) -> str:
        """Cells CBS withheld are unknown, never zero: said wherever the rate is shown."""
        parts = []
        if summary.withheld_months and summary.latest_month:
            parts.append(
                self.tr(
                    "CBS heeft {n} van de 12 maanden t/m {month} achtergehouden (onbekend, niet "
                    "0); het inbraakrisico over dat venster is daarom onbekend."
                ).format(n=summary.withheld_months, month=month_label(summary.latest_month))
            )
        if summary.withheld_cells:
            parts.append(
                self.tr("Achtergehouden cellen in de CBS-cijfers: {n} (onbekend, niet 0).").format(
                    n=DUTCH.toString(summary.withheld_cells)
                )
            )
        return " ".join(parts)

    def _missing_rate_text(self, months: int, imported_here: bool) -> str:
        if months == 0:
            if not imported_here:
                return self.tr("Nog geen cijfers; die komen binnen met het pakket van de gemeente.")
            return self.tr(
                "Nog geen cijfers. Importeer maandcijfers en de woningvoorraad via de knop "
                "'Importeren…' (Ctrl+I); de handleiding beschrijft de bestanden."
            )
        missing = (
            self.tr("importeer wat ontbreekt via 'Importeren…' (Ctrl+I).")
            if imported_here
            else self.tr("wat ontbreekt komt binnen met het pakket van de gemeente.")
        )
        return self.tr(
            "Er zijn cijfers van {n} maand(en). Het inbraakrisico vraagt 12 maanden cijfers "
            "én de woningvoorraad; {missing}"
        ).format(n=months, missing=missing)

    def _show_change(self, summary: RateSummary) -> None:
        self.change.caption.setText(
            self.tr("Verandering t.o.v. nulmeting {year}").format(year=summary.baseline_year)
            if summary.baseline_year
            else self.tr("Verandering t.o.v. de nulmeting")
        )
        if summary.change is None or summary.baseline_rate is None:
            self.change.show_value(
                NO_VALUE, self.tr("Geen inbraakrisico over het jaar van de nulmeting.")
            )
            return
        detail = self.tr("van {before} naar {now} per 1.000 woningen").format(
            before=decimal_text(summary.baseline_rate), now=decimal_text(summary.rate or 0)
        )
        if summary.change_percent is not None:
            detail += f" ({signed_text(summary.change_percent)} %)"
        colour = GOOD if summary.change < 0 else ALERT if summary.change > 0 else None
        self.change.show_value(signed_text(summary.change), detail, colour)

    def _show_comparison(
        self,
        card: FigureCard,
        reference: float,
        rate: float | None,
        place: str,
        above: bool | None,
    ) -> None:
        if rate is None or above is None:
            card.show_value(decimal_text(reference), self.tr("per 1.000 woningen"))
            return
        difference = decimal_text(abs(rate - reference))
        if above:
            detail = self.tr("{place} zit er {d} boven").format(place=place, d=difference)
        else:
            detail = self.tr("{place} zit er {d} onder").format(place=place, d=difference)
        card.show_value(
            decimal_text(reference), detail, ALERT if above else GOOD, colour_detail=True
        )
