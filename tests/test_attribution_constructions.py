"""Constructions of whole articles (analysis.attribution readers): asides, floating quotations, sources after
"secondo". Examples written for these tests; each names the construction it pins."""
from __future__ import annotations

import pytest

from analysis.attribution import READER_NAMES, AttributionSettings, extract_attributions


def _rows(text: str, **kw) -> list[tuple[str, str | None, str | None]]:
    df = extract_attributions(text, **kw)
    return [(r.content, r.speaker_canonical if isinstance(r.speaker_canonical, str) else None,
             r.cue if isinstance(r.cue, str) else None) for r in df.itertuples()]


@pytest.mark.parametrize("text, parts, speaker", [
    # an apposition, a quotation mark and an outlet inside the aside
    ("«Siamo stanchi – insorge Marco Neri, capogruppo del Pd in Regione, ai microfoni di Radio Uno – e lo diremo».",
     ["Siamo stanchi", "e lo diremo"], "Marco Neri"),
    # a gerund clause after the speaker
    ("«È una giornata storica – ha detto ieri il sindaco Luca Riva commentando il nuovo piano – e la città cambia».",
     ["È una giornata storica", "e la città cambia"], "Luca Riva"),
    # a dash inside a compound name does not close the aside
    ("«Siamo soddisfatti – spiega Anna Bassi, presidente di Federalberghi–Confcommercio – e fiduciosi».",
     ["Siamo soddisfatti", "e fiduciosi"], "Anna Bassi"),
    # a verb the cue table lacks, read by its lemma
    ("«Abbiamo fatto proposte di buon senso – recrimina Paolo Gatti – poi riproposte dalla maggioranza».",
     ["Abbiamo fatto proposte di buon senso", "poi riproposte dalla maggioranza"], "Paolo Gatti"),
    # a one-word first part is a row too
    ("«Esattamente – continua Filippo Sala – perché il danno supera gli ottantamila euro».",
     ["Esattamente", "perché il danno supera gli ottantamila euro"], "Filippo Sala"),
])
def test_asides_inside_a_quotation(text: str, parts: list[str], speaker: str) -> None:
    rows = _rows(text)
    assert [c for c, _, _ in rows] == parts
    assert {s for _, s, _ in rows} == {speaker}


@pytest.mark.parametrize("text, content, speaker", [
    # pointed back to by the next sentence
    ("«Non ci fermeremo davanti a nulla». Così il sindaco Luca Riva, durante la conferenza.",
     "Non ci fermeremo davanti a nulla", "Luca Riva"),
    ("«Esprimiamo la massima solidarietà alla titolare». Sono le parole del direttore, Emanuele Conti, ieri sera.",
     "Esprimiamo la massima solidarietà alla titolare", "Emanuele Conti"),
    # an answer after the interviewer's question
    ("Il sindaco Luca Riva ha presentato il piano. «Il centro cambierà» – ha detto Riva. "
     "Sindaco, quando partono i lavori? «A gennaio, con le prime gare».", "A gennaio, con le prime gare", "Luca Riva"),
    # after a colon, the subject of the clause
    ("La vittima, Paola Neri, ha però una certezza: «Erano in tre e sapevano dove cercare».",
     "Erano in tre e sapevano dove cercare", "Paola Neri"),
])
def test_floating_quotations(text: str, content: str, speaker: str) -> None:
    rows = {c: s for c, s, _ in _rows(text)}
    assert rows[content] == speaker


def test_scare_quotes_and_titles_float_nowhere() -> None:
    text = "Il film «La vita è bella» è tornato in sala. Il cosiddetto «decreto sicurezza» divide."
    assert _rows(text) == []


@pytest.mark.parametrize("text, content", [
    ("Secondo l'accusa avrebbe ricettato gioielli rubati dalla banda.", "avrebbe ricettato gioielli rubati dalla banda"),
    ("Secondo una prima ricostruzione, i ladri sono entrati dal balcone.", "i ladri sono entrati dal balcone"),
    ("Al tempo stesso, però, secondo il giudice non si può dire altrettanto dell'evento.",
     "non si può dire altrettanto dell'evento"),
    ("Stando a quanto emerso nel corso dell'indagine la frode contava su fatture false.",
     "nel corso dell'indagine la frode contava su fatture false"),
])
def test_crime_news_sources_after_secondo(text: str, content: str) -> None:
    assert [c for c, _, _ in _rows(text)] == [content]


def test_a_report_inside_a_quotation_is_relayed_by_the_quoted_speaker() -> None:
    text = ("«Siamo preoccupati – spiega Marco Neri – perché il questore Luigi Bianchi ha detto che i furti "
            "sono raddoppiati».")
    df = extract_attributions(text)
    inner = df[df["content"] == "i furti sono raddoppiati"]
    assert len(inner) == 1 and inner["speaker_canonical"].iloc[0] == "Luigi Bianchi"
    assert inner["via"].iloc[0] == "Marco Neri"


def test_every_reader_can_be_switched_off() -> None:
    text = "«Siamo stanchi – insorge Marco Neri – e lo diremo». Secondo l'accusa, avrebbe rubato."
    full = _rows(text)
    for name in READER_NAMES:
        rows = _rows(text, settings=AttributionSettings(frozenset({name})))
        assert len(rows) <= len(full) + 1  # a reader off never invents rows elsewhere (at most a fallback reading)
    assert _rows(text, settings=AttributionSettings(frozenset({"inserted", "aside"}))) != full
    with pytest.raises(ValueError, match="unknown attribution readers"):
        AttributionSettings(frozenset({"no such reader"}))
