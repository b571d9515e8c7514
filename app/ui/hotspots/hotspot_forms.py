"""The forms of a hotspot's detail: the wijkagent's problem analysis and the DIK request."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QLineEdit, QWidget

from app.core.hotspots.hotspots import AnalysisDraft, DeepAnalysisDraft
from app.ui.widgets.form_widgets import OptionalDateField, TextBox, enum_combo
from app.ui.widgets.record_form import RecordForm, select_data, set_line
from database.enums import AnalysisState, DeepAnalysisState

# The seven questions of the analysis, with the hint the wijkagent sees in an empty box.
ANALYSIS_QUESTIONS: tuple[tuple[str, str, str], ...] = (
    ("offender", "&Dader", "Wie zijn de daders, waar komen ze vandaan, hoe verplaatsen ze zich?"),
    (
        "victim_target",
        "Slacht&offer / doelwit",
        "Welke woningen en bewoners worden getroffen? Wat wordt er meegenomen?",
    ),
    ("environment", "O&mgeving", "Wat maakt de buurt kwetsbaar: verlichting, achterpaden, zicht?"),
    ("times", "&Tijden", "Op welke dagen en uren, in welke maanden?"),
    ("modus_operandi", "We&rkwijze", "Hoe komen inbrekers binnen?"),
    (
        "street_knowledge",
        "&Straatkennis wijkagent",
        "Wat weet de wijkagent uit de buurt dat niet in de cijfers staat?",
    ),
    ("conclusions", "&Conclusies", "Wat betekent dit voor de aanpak?"),
)


class AnalysisForm(RecordForm):
    """The current problem analysis: seven texts in two columns, then who wrote it and when."""

    table = "hotspot_analysis"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        who, when = self.add_columns(2)
        self.state = self.add_field(
            "state", self.tr("St&and"), enum_combo(AnalysisState), section=who
        )
        self.author_name = self.add_field(
            "author_name", self.tr("&Geschreven door"), QLineEdit(), section=who
        )
        self.author_role = self.add_field(
            "author_role", self.tr("&Functie"), QLineEdit(), section=who
        )
        self.author_role.setPlaceholderText(self.tr("bijvoorbeeld: wijkagent Korte Akkeren"))
        self.written_on = self.add_field(
            "written_on", self.tr("Geschreven o&p"), OptionalDateField(), section=when
        )
        self.sent_on = self.add_field(
            "sent_on", self.tr("Verst&uurd op"), OptionalDateField(), section=when
        )
        self.received_on = self.add_field(
            "received_on", self.tr("Ontvang&en op"), OptionalDateField(), section=when
        )
        self.processed_on = self.add_field(
            "processed_on", self.tr("Verwer&kt op"), OptionalDateField(), section=when
        )
        texts = self.add_section()
        self.texts: dict[str, TextBox] = {}
        for key, label, hint in ANALYSIS_QUESTIONS:
            box = TextBox(3)
            box.setPlaceholderText(self.tr(hint))
            self.texts[key] = self.add_field(key, self.tr(label), box, section=texts)  # type: ignore[assignment]

    def fill(self, draft: object) -> None:
        assert isinstance(draft, AnalysisDraft)
        for key, box in self.texts.items():
            box.set_text(getattr(draft, key))
        select_data(self.state, draft.state)
        set_line(self.author_name, draft.author_name)
        set_line(self.author_role, draft.author_role)
        self.written_on.set_optional_value(draft.written_on)
        self.sent_on.set_optional_value(draft.sent_on)
        self.received_on.set_optional_value(draft.received_on)
        self.processed_on.set_optional_value(draft.processed_on)

    def draft(self) -> AnalysisDraft:
        return replace(
            AnalysisDraft(),
            state=self.state.currentData(),
            author_name=self.author_name.text(),
            author_role=self.author_role.text(),
            written_on=self.written_on.optional_value(),
            sent_on=self.sent_on.optional_value(),
            received_on=self.received_on.optional_value(),
            processed_on=self.processed_on.optional_value(),
            **{key: box.text() for key, box in self.texts.items()},
        )


class DeepAnalysisForm(RecordForm):
    """A request to the police information unit (DIK) for a deeper analysis."""

    table = "deep_analysis_request"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = self.add_field("state", self.tr("Stan&d"), enum_combo(DeepAnalysisState))
        self.requested_on = self.add_field(
            "requested_on", self.tr("Aangevraagd o&p"), OptionalDateField()
        )
        self.requested_by = self.add_field(
            "requested_by", self.tr("Aangevraagd d&oor"), QLineEdit()
        )
        self.question = self.add_field("question", self.tr("Vr&aag aan de DIK"), TextBox(3))
        self.answered_on = self.add_field(
            "answered_on", self.tr("B&eantwoord op"), OptionalDateField()
        )
        self.summary = self.add_field("summary", self.tr("&Samenvatting antwoord"), TextBox(3))

    def fill(self, draft: object) -> None:
        assert isinstance(draft, DeepAnalysisDraft)
        select_data(self.state, draft.state)
        self.requested_on.set_optional_value(draft.requested_on)
        set_line(self.requested_by, draft.requested_by)
        self.question.set_text(draft.question)
        self.answered_on.set_optional_value(draft.answered_on)
        self.summary.set_text(draft.summary)

    def draft(self) -> DeepAnalysisDraft:
        return DeepAnalysisDraft(
            state=self.state.currentData(),
            requested_on=self.requested_on.optional_value(),
            requested_by=self.requested_by.text(),
            question=self.question.text(),
            answered_on=self.answered_on.optional_value(),
            summary=self.summary.text(),
        )
