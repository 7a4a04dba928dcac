"""The explorers as ipywidgets: article reader, word explorer, speaker explorer.

Each is a box of standard widgets over an :class:`ExplorerIndex` (computed
once); an interaction filters the index and redraws, nothing more. Outside a
live kernel (the static HTML report, a notebook viewer) each explorer shows a
plain table instead of controls that could not work there: its display
bundle carries an escaped ``text/html`` fallback next to the widget view.
"""
from __future__ import annotations

from typing import Callable

import ipywidgets as widgets
import pandas as pd

from ..corpus import Corpus
from ..wording import counted
from . import markup, queries
from .index import ExplorerIndex, build_index
from .plots import figure_png, plot_dispersion

__all__ = ["ArticleReader", "WordExplorer", "SpeakerExplorer", "Explorer",
           "article_reader", "word_explorer", "speaker_explorer", "explorer", "as_index"]

#: A note shown above every static fallback.
STATIC_NOTE = "Static view: open this notebook in JupyterLab or as the Voilà app (make app) to explore interactively."
_KWIC_CSS = "<style>.workbook-kwic select{font-family:'DejaVu Sans Mono',monospace;font-size:12px}</style>"


def as_index(data: Corpus | ExplorerIndex) -> ExplorerIndex:
    """``data`` if it is an index, else :func:`build_index` of the corpus."""
    if isinstance(data, ExplorerIndex):
        return data
    if isinstance(data, Corpus):
        return build_index(data)
    raise ValueError(f"expected a Corpus (analysis.load_corpus) or an ExplorerIndex; got {type(data).__name__}")


class _StaticFallback:
    """Adds an escaped HTML rendering to a widget's display bundle."""

    def static_html(self) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def _repr_mimebundle_(self, **kwargs):  # noqa: D401 - IPython protocol
        data = super()._repr_mimebundle_(**kwargs)  # type: ignore[misc]
        if data is None:
            return None
        data["text/html"] = markup.message_html(STATIC_NOTE) + self.static_html()
        return data


class ArticleReader(_StaticFallback, widgets.VBox):
    """Pick a document; read it with every attribution marked and a sentence-tone strip."""

    def __init__(self, index: ExplorerIndex) -> None:
        self.index = index
        options = list(zip(index.documents["label"].astype(str), index.documents["doc_id"].astype(str)))
        self.picker = widgets.Dropdown(options=options, description="Document", layout=widgets.Layout(width="95%"),
                                       style={"description_width": "initial"})
        self.legend = widgets.HTML(markup.legend_html())
        self.text = widgets.HTML()
        self.details = widgets.HTML()
        self.highlight: tuple[int, int] | None = None
        super().__init__([self.picker, self.legend, self.text, widgets.HTML("<b>Attributions in this document</b>"), self.details])
        self.add_class("workbook-reader")
        self.picker.observe(self._picked, names="value")
        if options:
            self.show(options[0][1])
        else:
            self.text.value = markup.message_html("The corpus has no documents.")

    def _picked(self, change) -> None:
        self.highlight = None
        self._render(change["new"])

    def show(self, doc_id: str, *, highlight: tuple[int, int] | None = None) -> None:
        """Show ``doc_id``, framing the passage ``highlight`` (start, end offsets) if given."""
        if doc_id not in self.index.texts:
            raise KeyError(f"no document {doc_id!r} in this corpus")
        self.highlight = highlight
        if self.picker.value != doc_id:
            with self.hold_trait_notifications():
                self.picker.unobserve(self._picked, names="value")
                try:
                    self.picker.value = doc_id
                finally:
                    self.picker.observe(self._picked, names="value")
        self._render(doc_id)

    def _attribution_table(self, doc_id: str) -> pd.DataFrame:
        table = queries.document_attributions(self.index, doc_id)
        cols = ["speaker_canonical", "speaker_type", "type", "cue", "stance", "tone", "polarity", "channel", "via", "content"]
        if self.index.has_gender:
            cols.insert(2, "speaker_gender")
        shown = table[[c for c in cols if c in table.columns]].copy()
        shown.insert(0, "n", range(1, len(shown) + 1))
        return shown.rename(columns={"speaker_canonical": "speaker"})

    def _render(self, doc_id: str) -> None:
        self.text.value = markup.article_html(self.index, doc_id, highlight=self.highlight)
        self.details.value = markup.table_html(self._attribution_table(doc_id), empty="No attribution found in this document.")

    def static_html(self) -> str:
        if self.picker.value is None:
            return markup.message_html("The corpus has no documents.")
        return self.legend.value + self.text.value + self.details.value


class WordExplorer(_StaticFallback, widgets.VBox):
    """Type a word, lemma or phrase: KWIC lines, dispersion across documents and dates, collocates.

    ``on_open(doc_id, start, end)`` is called when a KWIC line is picked.
    """

    def __init__(self, index: ExplorerIndex, *, on_open: Callable[[str, int, int], None] | None = None) -> None:
        self.index = index
        self.on_open = on_open
        self.query = widgets.Text(description="Word or phrase", placeholder="e.g. missile, Corea del Nord",
                                  continuous_update=False, style={"description_width": "initial"})
        self.by = widgets.ToggleButtons(options=[("form or lemma", "any"), ("as written", "form"), ("lemma", "lemma")],
                                        value="any", description="Match", style={"description_width": "initial"})
        self.status = widgets.HTML(markup.message_html("Type a word and press Enter."))
        self.lines = widgets.Select(options=[], rows=12, layout=widgets.Layout(width="98%"))
        self.lines.add_class("workbook-kwic")
        self.figure = widgets.Image(format="png", layout=widgets.Layout(max_width="760px"))
        self.collocates = widgets.HTML()
        self.kwic = pd.DataFrame()
        self.top_terms = pd.DataFrame(self.index.tokens.freq.most_common(20), columns=["term", "count"])
        super().__init__([widgets.HTML(_KWIC_CSS), widgets.HBox([self.query, self.by]), self.status,
                          widgets.HTML("<b>Keyword in context</b> (pick a line to read it in the article reader)"),
                          self.lines, self.figure, widgets.HTML("<b>Top collocates</b> (lemmas within 5 words, names as one word)"),
                          self.collocates])
        self.add_class("workbook-words")
        self.query.observe(lambda _c: self.search(), names="value")
        self.by.observe(lambda _c: self.search(), names="value")
        self.lines.observe(self._picked, names="value")

    def search(self, query: str | None = None) -> None:
        """Look ``query`` up (default: the text box) and redraw every panel."""
        if query is not None and query != self.query.value:
            self.query.value = query  # observing the box calls search() again
            return
        text = self.query.value.strip()
        self.lines.unobserve(self._picked, names="value")
        try:
            self.lines.options = []
            if not text:
                self.kwic = pd.DataFrame()
                self.status.value = markup.message_html("Type a word and press Enter.")
                self.figure.value, self.collocates.value = b"", ""
                return
            try:
                hits = queries.find_occurrences(self.index, text, by=self.by.value)
            except ValueError as exc:
                self.status.value = markup.message_html(str(exc))
                return
            self.kwic = queries.kwic_lines(self.index, hits, window=8)
            shown = f" (the first {len(self.kwic)} shown)" if len(self.kwic) < len(hits) else ""
            self.status.value = markup.message_html(
                f"“{text}”: {counted(len(hits), 'occurrence')} in {counted(hits['doc_id'].nunique(), 'document')}{shown}.")
            self.lines.options = [(self._line(i, row), i) for i, row in enumerate(self.kwic.itertuples(index=False))]
            self.lines.value = None
            self.figure.value = figure_png(plot_dispersion(queries.dispersion(self.index, hits), text)) if len(hits) else b""
            self.collocates.value = markup.table_html(
                queries.collocates_of(self.index, hits).head(15),
                columns=["collocate", "count", "collocate_freq", "log_likelihood", "pmi"],
                empty="No collocates (no occurrence, or no content word near it).")
        finally:
            self.lines.observe(self._picked, names="value")

    @staticmethod
    def _line(i: int, row) -> str:
        left = row.left[-55:].rjust(55)
        right = row.right[:55]
        return f"{i + 1:>4}  {left} [{row.keyword}] {right}"

    def _picked(self, change) -> None:
        i = change["new"]
        if i is None or self.on_open is None or i >= len(self.kwic):
            return
        row = self.kwic.iloc[i]
        self.on_open(str(row["doc_id"]), int(row["start"]), int(row["end"]))

    def static_html(self) -> str:
        if len(self.kwic):
            return markup.table_html(self.kwic, columns=["document", "left", "keyword", "right"], max_rows=50)
        return markup.message_html("Most frequent terms of the corpus (lemmas, names as one word):") + markup.table_html(
            self.top_terms, empty="The corpus has no content words.")


class SpeakerExplorer(_StaticFallback, widgets.VBox):
    """Pick a speaker: everything they said, their vocabulary, who else speaks of the same things."""

    def __init__(self, index: ExplorerIndex) -> None:
        self.index = index
        counts = index.attributions["speaker_canonical"].astype("string").value_counts()
        options = [(f"{s} ({int(counts.get(s, 0))})", s) for s in index.speakers]
        self.picker = widgets.Dropdown(options=options, description="Speaker", style={"description_width": "initial"},
                                       layout=widgets.Layout(width="60%"))
        self.said = widgets.HTML()
        self.vocabulary = widgets.HTML()
        self.others = widgets.HTML()
        super().__init__([self.picker, widgets.HTML("<b>Everything attributed to them, in reading order</b>"), self.said,
                          widgets.HTML("<b>Their vocabulary</b> (lemmas and names in their reported words)"), self.vocabulary,
                          widgets.HTML("<b>Who else speaks about the same terms</b>"), self.others])
        self.add_class("workbook-speakers")
        self.picker.observe(lambda change: self.show(change["new"]), names="value")
        if options:
            self.show(options[0][1])
        else:
            self.said.value = markup.message_html("No attribution with a named speaker in this corpus.")

    def show(self, speaker: str) -> None:
        """Show ``speaker`` (a canonical name from ``index.speakers``)."""
        if speaker not in self.index.speakers:
            raise KeyError(f"no speaker {speaker!r} in this corpus (speakers are canonical names, see index.speakers)")
        if self.picker.value != speaker:
            self.picker.value = speaker  # the observer calls show() again
            return
        said = queries.speaker_attributions(self.index, speaker)
        self.said.value = markup.table_html(said, max_rows=300)
        self.vocabulary.value = markup.table_html(queries.speaker_terms(self.index, speaker),
                                                  columns=["term", "count", "n_attributions", "log_ratio"],
                                                  empty="No content words in their reported words.")
        self.others.value = markup.table_html(queries.speakers_sharing_terms(self.index, speaker),
                                              empty="Nobody else uses their main terms.")

    def overview(self) -> pd.DataFrame:
        """One row per speaker: speaker, n_attributions, n_documents, types (str)."""
        table = self.index.attributions.dropna(subset=["speaker_canonical"])
        rows = []
        for speaker in self.index.speakers:
            mine = table[table["speaker_canonical"].astype(str) == speaker]
            types = mine["type"].astype(str).value_counts()
            rows.append((speaker, len(mine), mine["doc_id"].nunique(), ", ".join(f"{t} {n}" for t, n in types.items())))
        return pd.DataFrame(rows, columns=["speaker", "n_attributions", "n_documents", "types"])

    def static_html(self) -> str:
        return markup.table_html(self.overview(), empty="No attribution with a named speaker in this corpus.")


class Explorer(_StaticFallback, widgets.Tab):
    """The three explorers in tabs; a KWIC line opens its article in the reader."""

    def __init__(self, index: ExplorerIndex) -> None:
        self.index = index
        self.reader = ArticleReader(index)
        self.words = WordExplorer(index, on_open=self.open_passage)
        self.speakers = SpeakerExplorer(index)
        super().__init__(children=[self.reader, self.words, self.speakers])
        for i, title in enumerate(("Article reader", "Word explorer", "Speaker explorer")):
            self.set_title(i, title)
        self.add_class("workbook-explorer")

    def open_passage(self, doc_id: str, start: int, end: int) -> None:
        """Show ``doc_id`` in the reader with ``text[start:end]`` framed, and switch to it."""
        self.reader.show(doc_id, highlight=(start, end))
        self.selected_index = 0

    def static_html(self) -> str:
        docs = self.index.documents.assign(date=self.index.documents["date"])
        return (markup.message_html(f"{counted(len(docs), 'document')}:")
                + markup.table_html(docs, columns=["doc_id", "date", "outlet", "title", "n_words"], max_rows=50)
                + markup.message_html("Speakers:") + self.speakers.static_html()
                + self.words.static_html())


def article_reader(data: Corpus | ExplorerIndex) -> ArticleReader:
    """An :class:`ArticleReader` over a corpus or an index computed once."""
    return ArticleReader(as_index(data))


def word_explorer(data: Corpus | ExplorerIndex, *, on_open: Callable[[str, int, int], None] | None = None) -> WordExplorer:
    """A :class:`WordExplorer` over a corpus or an index computed once."""
    return WordExplorer(as_index(data), on_open=on_open)


def speaker_explorer(data: Corpus | ExplorerIndex) -> SpeakerExplorer:
    """A :class:`SpeakerExplorer` over a corpus or an index computed once."""
    return SpeakerExplorer(as_index(data))


def explorer(data: Corpus | ExplorerIndex) -> Explorer:
    """All three explorers in tabs (what ``05_explore`` and the Voilà app show)."""
    return Explorer(as_index(data))
