"""The Overzicht's card "Terugkoppeling RSIV" and the dialog with the whole feedback.

The card shows the gemeente's place in the region and the first suggestions; its button
opens the dialog with every suggestion, every comparison figure and the good practices the
RSIV sent.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.feedback.received import FeedbackFigure, ReceivedFeedback
from app.kernel.moments import dutch_moment
from app.ui.overview.card import OverviewCard
from app.ui.widgets.form_widgets import DUTCH


def _tr(text: str) -> str:
    return QCoreApplication.translate("FeedbackCard", text)


def figure_text(figure: FeedbackFigure | None) -> str:
    if figure is None or figure.value is None:
        return "—"
    whole = float(figure.value).is_integer() and figure.unit != "per 1.000 woningen"
    return DUTCH.toString(float(figure.value), "f", 0 if whole else 1)


class FeedbackCard(OverviewCard):
    """`dialog` is the open FeedbackDialog, for tests."""

    def __init__(self, feedback: ReceivedFeedback | None) -> None:
        super().__init__(
            _tr("Terugkoppeling RSIV"), "feedback", _tr("Terugkoppeling be&kijken"), self._open
        )
        self.feedback = feedback
        self.dialog: FeedbackDialog | None = None

    def _open(self, _area_key: str) -> None:
        if self.feedback is not None:
            self.dialog = FeedbackDialog(self.feedback, self)
            self.dialog.open()


def feedback_card(feedback: ReceivedFeedback | None) -> FeedbackCard:
    """The card; without feedback it says how to read it in and its button is off."""
    card = FeedbackCard(feedback)
    if feedback is None:
        card.add_text(
            _tr(
                "Nog geen terugkoppeling ontvangen. Na een werkgroep stuurt het RSIV een "
                "bestand; kies dan in het menu Bestand: Terugkoppeling RSIV inlezen…"
            )
        )
        card.button.setEnabled(False)
        return card
    card.add_text(_received_text(feedback))
    # One line each, cut with "…" where the card is narrow (150%: the card keeps its height);
    # the whole text is in the tooltip and a click opens the feedback.
    figure = feedback.figure
    card.add_line(
        _tr(
            "Uw inbraakrisico {own} — gemiddelde van de gemeenten {average} — landelijk {national}"
        ).format(
            own=figure_text(figure("rate")),
            average=figure_text(figure("regional_average")),
            national=figure_text(figure("national_rate")),
        ),
        "feedback",
    )
    rank = figure("rank")
    if rank is not None and rank.value is not None:
        card.add_line(
            _tr("Plaats {rank} {unit} (1 = hoogste inbraakrisico)").format(
                rank=figure_text(rank), unit=rank.unit
            ),
            "feedback",
        )
    if not feedback.suggestions:
        card.add_text(_tr("Geen suggesties van de werkgroep deze keer."))
    card.add_lines(
        [f"• {suggestion.text.replace(chr(10), ' ')}" for suggestion in feedback.suggestions],
        "feedback",
        _tr("… en nog {n}"),
    )
    if feedback.practices:
        card.add_line(
            _tr("Goede voorbeelden uit de regio: {n} (bekijk de terugkoppeling)").format(
                n=len(feedback.practices)
            ),
            "feedback",
        )
    return card


def _received_text(feedback: ReceivedFeedback) -> str:
    received = dutch_moment(feedback.received_at)
    if feedback.werkgroep_on is None:
        return _tr("Ontvangen op {received}").format(received=received)
    return _tr("Na de werkgroep van {day}, ontvangen op {received}").format(
        day=f"{feedback.werkgroep_on:%d-%m-%Y}", received=received
    )


class FeedbackDialog(QDialog):
    """Every suggestion and every figure of the newest feedback; read only."""

    def __init__(self, feedback: ReceivedFeedback, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feedbackDialog")
        self.setWindowTitle(self.tr("Terugkoppeling RSIV"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(760, 560)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_received_text(feedback)))
        heading = QLabel(self.tr("<b>Suggesties van de werkgroep</b>"))
        layout.addWidget(heading)
        suggestions = QLabel(
            "<br>".join(
                f"{item.werkgroep_on:%d-%m-%Y}: {escape(item.text)}".replace("\n", "<br>")
                for item in feedback.suggestions
            )
            or self.tr("Geen suggesties deze keer.")
        )
        suggestions.setObjectName("feedbackSuggestions")
        suggestions.setTextFormat(Qt.TextFormat.RichText)
        suggestions.setWordWrap(True)
        suggestions.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(suggestions)
        layout.addWidget(QLabel(self.tr("<b>Regionale vergelijking</b>")))
        self.figures = QTableWidget(len(feedback.figures), 3)
        self.figures.setObjectName("feedbackFigures")
        self.figures.setHorizontalHeaderLabels(
            [self.tr("Kengetal"), self.tr("Waarde"), self.tr("Eenheid")]
        )
        self.figures.verticalHeader().setVisible(False)
        self.figures.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, figure in enumerate(feedback.figures):
            value = QTableWidgetItem(figure_text(figure))
            value.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for column, item in enumerate(
                (QTableWidgetItem(figure.label), value, QTableWidgetItem(figure.unit))
            ):
                self.figures.setItem(row, column, item)
        self.figures.resizeColumnsToContents()
        self.figures.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.figures, 1)
        layout.addWidget(QLabel(self.tr("<b>Goede voorbeelden</b> (van het RSIV, alleen lezen)")))
        self.practices = QTableWidget(len(feedback.practices), 4)
        self.practices.setObjectName("feedbackPractices")
        self.practices.setHorizontalHeaderLabels(
            [
                self.tr("Maatregel"),
                self.tr("Doelgroep / aard"),
                self.tr("Gemeenten"),
                self.tr("Waarom een goed voorbeeld"),
            ]
        )
        self.practices.verticalHeader().setVisible(False)
        self.practices.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, practice in enumerate(feedback.practices):
            cells = (
                practice.title,
                f"{practice.target_group.label} / {practice.intervention.label}",
                practice.gemeenten,
                practice.why,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(practice.description or text)
                self.practices.setItem(row, column, item)
        self.practices.resizeColumnsToContents()
        self.practices.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.practices, 1)
        if not feedback.practices:
            layout.addWidget(QLabel(self.tr("Geen goede voorbeelden in deze terugkoppeling.")))
        if feedback.earlier:
            layout.addWidget(
                QLabel(
                    self.tr("Eerder ontvangen terugkoppelingen blijven bewaard: {n}.").format(
                        n=feedback.earlier
                    )
                )
            )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
