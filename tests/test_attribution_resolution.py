"""Speakers resolved to people inside an article (analysis.attribution.resolution)."""
from __future__ import annotations

import pytest

from analysis.attribution import extract_attributions
from analysis.attribution.document import Document
from analysis.attribution.resolution import office_of, people_in


def _rows(text: str) -> list[tuple[str, str, str, str | None]]:
    df = extract_attributions(text)
    return [(r.content, r.speaker_canonical, r.speaker_resolution, r.speaker_gender if isinstance(r.speaker_gender, str) else None)
            for r in df.itertuples()]


@pytest.mark.parametrize("text, content, person, how", [
    # a title links to the person introduced with that office
    ("Il questore Marco Bellini ha incontrato i cronisti. «Non ci fermiamo – ha detto il questore – neppure a Natale».",
     "Non ci fermiamo", "Marco Bellini", "title"),
    # an office named by a synonym: "il primo cittadino" is the mayor
    ("La sindaca Giulia Ferretti ha firmato l'ordinanza. «Serve rispetto per tutti» – ha spiegato il primo cittadino – «e lo pretendiamo».",
     "Serve rispetto per tutti", "Giulia Ferretti", "title"),
    # a surname completes to the full name the article gave
    ("Ha parlato anche Francesco Morandi, titolare del bar. «Siamo stanchi di questi furti» – aggiunge Morandi – «vogliamo più controlli».",
     "Siamo stanchi di questi furti", "Francesco Morandi", "alias"),
    # a first name alone completes too
    ("Sul tetto c'erano due ragazzi, racconta Chiara Vescovi, cugina del titolare. «Erano giovanissimi» – dice Chiara – «e scappavano».",
     "Erano giovanissimi", "Chiara Vescovi", "alias"),
    # a generic noun refers back to the last person named with its gender
    ("La titolare del forno, Paola Neri, è stata aggredita ieri. «Stavo salendo in macchina – ha raccontato la donna – quando mi hanno strappato la borsa».",
     "Stavo salendo in macchina", "Paola Neri", "title"),
])
def test_mentions_link_to_the_person(text: str, content: str, person: str, how: str) -> None:
    rows = {c: (p, h) for c, p, h, _ in _rows(text)}
    assert rows[content] == (person, how)


def test_a_masculine_title_may_name_a_woman_but_a_feminine_one_never_a_man() -> None:
    text = ("Il sindaco Emilia Rossi e l'assessore Marco Verdi hanno visitato il quartiere. "
            "«Il parco riaprirà a maggio» – ha detto la sindaca – «con nuove luci».")
    rows = {c: (p, g) for c, p, _, g in _rows(text)}
    assert rows["Il parco riaprirà a maggio"] == ("Emilia Rossi", "female")


def test_a_title_that_links_to_no_one_stays_unresolved_and_is_no_person() -> None:
    text = "«Hanno rubato tutto l'oro» – racconta il titolare – «in pochi minuti»."
    (content, person, how, gender) = _rows(text)[0]
    assert (person, how) == ("titolare", "unresolved")
    assert gender == "male"  # the grammar of the mention still shows it


def test_a_pronoun_links_to_the_last_speaker_of_its_gender() -> None:
    text = ("«Abbiamo chiamato subito i carabinieri» – spiega Laura Bassi, residente in via Roma. "
            "Il marito, Paolo Gatti, era al lavoro. «Nessuno ci ha aiutato» – aggiunge lei – «per ore».")
    rows = {c: (p, h) for c, p, h, _ in _rows(text)}
    assert rows["Nessuno ci ha aiutato"] == ("Laura Bassi", "pronoun")


def test_an_institution_before_a_name_is_not_part_of_it() -> None:
    # "dell'Economia Giancarlo Giorgetti": the person is Giancarlo Giorgetti, not "Economia Giancarlo Giorgetti"
    doc = Document.build("Il ministro dell'Economia Giancarlo Giorgetti ha parlato a lungo.")
    people = people_in(doc)
    assert [p.name for p in people] == ["Giancarlo Giorgetti"]
    assert "ministro" in people[0].offices and people[0].gender == "male"


@pytest.mark.parametrize("word, office", [
    ("funzionari", "funzionario"), ("legale", "avvocato"), ("sindaca", "sindaco"), ("questore", "questore"),
    ("chiaramente", None), ("tavolo", None),
])
def test_office_of(word: str, office: str | None) -> None:
    assert office_of(word) == office


def test_offsets_and_names_survive_messy_text() -> None:
    text = "«Basta!» – urla   il sindaco –\n«Ora   basta» . Lei, la sindaca Anna Riva, tace."
    df = extract_attributions(text)
    for r in df.itertuples():
        if isinstance(r.speaker, str):
            assert text[r.speaker_start:r.speaker_end] == r.speaker
        assert text[r.content_start:r.content_end] == r.content
