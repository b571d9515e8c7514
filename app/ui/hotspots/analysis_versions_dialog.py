"""Every version of a hotspot's analysis, newest first, to read (not to edit)."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.core.hotspots.analysis_history import AnalysisVersion
from app.exchange.form_layout import AUTHOR_LABELS, QUESTIONS
from app.ui.hotspots.form_comparison_dialog import measures_text, value_text


class AnalysisVersionsDialog(QDialog):
    def __init__(
        self, hotspot: str, versions: tuple[AnalysisVersion, ...], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("analysisVersions")
        self.setWindowTitle(self.tr("Versies van de probleemanalyse: {h}").format(h=hotspot))
        self.resize(980, 640)
        self._versions = versions
        layout = QVBoxLayout(self)
        body = QHBoxLayout()
        self.list = QListWidget()
        self.list.setMaximumWidth(260)
        for version in versions:
            draft = version.draft
            self.list.addItem(
                self.tr("Versie {n}: {state}").format(n=version.version, state=draft.state.label)
            )
        self.list.currentRowChanged.connect(self._show)
        body.addWidget(self.list)
        self.text = QTextBrowser()
        self.text.setObjectName("versionText")
        body.addWidget(self.text, 1)
        layout.addLayout(body, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Sluiten"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if versions:
            self.list.setCurrentRow(0)

    def _show(self, row: int) -> None:
        if row < 0:
            return
        version = self._versions[row]
        draft = version.draft
        dates = [
            (self.tr("verstuurd"), draft.sent_on),
            (self.tr("ontvangen"), draft.received_on),
            (self.tr("verwerkt"), draft.processed_on),
        ]
        parts = [f"<h3>{escape(self.tr('Versie {n}').format(n=version.version))}</h3>"]
        parts.append(
            "<p>"
            + escape(
                " · ".join(f"{word} {value_text(day)}" for word, day in dates if day)
                or draft.state.label
            )
            + "</p>"
        )
        for question in QUESTIONS:
            text = getattr(draft, question.field) or "—"
            parts.append(f"<p><b>{escape(question.heading)}</b><br>{_lines(text)}</p>")
        if version.measures:
            parts.append(
                f"<p><b>{escape(self.tr('Voorgestelde maatregelen'))}</b><br>"
                f"{_lines(measures_text(tuple(item.row for item in version.measures)))}</p>"
            )
        author = ", ".join(
            f"{label}: {value_text(getattr(draft, key))}"
            for key, label in AUTHOR_LABELS.items()
            if getattr(draft, key)
        )
        if author:
            parts.append(f"<p><i>{escape(author)}</i></p>")
        self.text.setHtml("".join(parts))


def _lines(text: str) -> str:
    return escape(text).replace("\n", "<br>")
