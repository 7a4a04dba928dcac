"""Reports in the cue's object: "La Casa Bianca annuncia l'avvio della campagna".

Also a pronominal cue with a predicate: "X si dichiara ampiamente soddisfatto
del proprio lavoro".
"""
from __future__ import annotations

from .cues import Cue
from .document import Document, Sentence
from .quotes import quote_word_count
from .rows import (
    CLAUSE_ENDS,
    DASHES,
    OPENING,
    TIME_WORDS,
    Attribution,
    State,
    clause_end,
    content_of,
    skip_adverbs,
    skip_parenthesis_end,
    tok_span,
)
from .speakers import can_speak, describe, np_tags, sentence_subject
from .subjects import relative_antecedent, speaker_left

__all__ = ["object_end", "OBJECT_STOPS", "object_report", "predicate_report"]

#: Cues whose direct object is itself what is reported ("annuncia l'avvio della campagna").
_OBJECT_STANCES = frozenset({"announces", "criticizes", "accuses", "asks", "promises", "confirms", "denies",
                             "proposes", "threatens", "hopes", "admits", "emphasizes", "claims"})
#: Other cues whose object is the report ("ha segnalato una nuova apertura").
_OBJECT_LEMMAS = frozenset({"segnalare", "esprimere"})  # "ha espresso il suo rammarico"
#: Cues whose object is someone else's words ("ha respinto le critiche"), not the speaker's report.
_NOT_OBJECT_LEMMAS = frozenset({"respingere", "replicare", "rispondere"})
#: Words that open a new clause after an object report.
OBJECT_STOPS = frozenset({"perché", "poiché", "mentre", "quando", "dopo", "ma", "però", "finché", "affinché", "che", "cui"})


def _quoted_object(doc: Document, sent: Sentence, cue: Cue) -> bool:
    """Does a determiner-led object with a quotation inside its first words follow the cue ("il «tono …» del …")?"""
    k = skip_adverbs(doc, cue.last + 1, sent.t1)
    if k >= sent.t1 or np_tags(doc, k) != "DET":
        return False
    for m in range(k + 1, min(sent.t1, k + 5)):
        t = doc.tokens[m].text
        if t in CLAUSE_ENDS or doc.low[m] in ("che", "di"):
            return False
        if t in OPENING:
            q = doc.quote_opening_at(doc.tokens[m].start)
            # two words or more, not a capitalised title ("ha ricordato il «Presente»")
            return q is not None and 2 <= quote_word_count(doc.text, q) <= 8 and not doc.text[q.start:q.start + 1].isupper()
    return False


def object_end(doc: Document, sent: Sentence, k: int) -> int:
    """End (exclusive token index) of an object report starting at token ``k``: the end of its clause, past a
    bracket inside it ("un piano di riforme del dipartimento (NYPD) che …"), before a new clause ("perché …")."""
    end = clause_end(doc, k, sent.t1)
    while end < sent.t1 and doc.tokens[end].text == "(":
        close = skip_parenthesis_end(doc, end + 1, sent.t1)
        if close >= sent.t1 or doc.tokens[close].text != ")":
            break
        end = clause_end(doc, close + 1, sent.t1)
    for m in range(k + 1, end):
        if doc.low[m] in OBJECT_STOPS and doc.quote_containing(doc.tokens[m].start) is None:
            return m  # "aveva chiesto aiuto al governo perché …": the object ends before a new clause
    return end


def object_report(doc: Document, sent: Sentence, cue: Cue, state: State | None = None) -> list[Attribution]:
    """"La Casa Bianca annuncia l'avvio della campagna", "Il primo accusa il governo per …": the object is the content."""
    # any cue whose object opens with a quoted fragment reports it: "ha sottolineato il «tono neofascista» del
    # discorso", "si sono affrettati a sottolineare il «…»" (a mixed quotation as object)
    quoted = _quoted_object(doc, sent, cue)
    if not quoted and ((cue.stance not in _OBJECT_STANCES and cue.lemma not in _OBJECT_LEMMAS) or cue.lemma in _NOT_OBJECT_LEMMAS):
        return []
    if cue.passive or not (cue.form in ("finite", "gerund") or (cue.form == "participle" and cue.has_aux)
                           or (quoted and cue.form == "infinitive" and cue.first > sent.t0 and doc.low[cue.first - 1] in ("a", "di"))):
        return []
    if any(doc.low[k] == "non" for k in range(max(sent.t0, cue.first - 1), cue.head)):
        return []  # "non ha ancora chiesto scusa"
    speaker = speaker_left(doc, sent, cue.first) or relative_antecedent(doc, sent, cue.first)
    if speaker is None and cue.form != "gerund" and not any(
            doc.tokens[k].text in CLAUSE_ENDS or doc.tokens[k].text in DASHES or doc.low[k] in ("che", "cui", "e", "ed", "ma")
            for k in range(sent.t0, cue.first)):
        # one clause up to the cue: its subject ("Le colleghe presenti sul posto … hanno chiesto …")
        np = sentence_subject(doc, sent, cue.first)
        speaker = describe(doc, *np) if np is not None else None
    if speaker is None and (cue.form == "gerund" or (quoted and cue.form == "infinitive")):
        np = sentence_subject(doc, sent, cue.first)
        speaker = describe(doc, *np) if np is not None else None
    null_subject = speaker is None and cue.first == sent.t0 and cue.form in ("finite", "participle") \
        and doc.tokens[cue.first].text[:1].isupper()
    if speaker is None and not null_subject:
        return []
    if null_subject and state is not None:
        speaker = state.last_speaker  # "Ha altresì confermato il sostegno …": the subject of an earlier sentence
    k = skip_adverbs(doc, cue.last + 1, sent.t1)
    while k < sent.t1 and doc.low[k] in TIME_WORDS:
        k += 1
    if k < sent.t1 and doc.tokens[k].text == ",":
        # "chiede, fra l'altro, la sospensione …": a short aside between commas before the object
        close = next((m for m in range(k + 1, min(sent.t1, k + 5)) if doc.tokens[m].text == ","), None)
        if close is not None and all(doc.tokens[m].kind == "word" and not doc.low[m].endswith(("ando", "endo"))
                                     for m in range(k + 1, close)):  # not a gerund adjunct ("parlando ai giornalisti")
            k = close + 1
    if k >= sent.t1 or np_tags(doc, k) not in ("DET", "WORD", "A", "PREP", "NUM") or doc.low[k] in ("che", "di", "a"):
        return []
    if doc.low[k] in ("contro", "con", "insieme", "verso"):
        return []  # "protestavano contro di lui": a complement, not a report
    end = object_end(doc, sent, k)
    if end - k < 2:
        return []
    if cue.lemma == "denunciare" and _first_noun_speaks(doc, k, end):
        return []  # "ha denunciato (in stato di irreperibilità) i coniugi …": a complaint at law against people
    if end < sent.t1 and doc.tokens[end].text == ":" and end + 1 >= sent.t1:
        return []  # "Un portavoce ha commentato quanto è accaduto:": the words follow in the next sentence
    content = content_of(doc, doc.tokens[k].start, doc.tokens[end - 1].end)
    if content is None:
        return []
    kind, span = content
    return [Attribution(sent.sent_id, kind, span, speaker, tok_span(doc, cue.first, cue.last + 1), cue.lemma, cue.stance,
                        None, head=doc.tokens[cue.head].start)]


_ARTICLES = frozenset({"il", "lo", "la", "l'", "l’", "i", "gli", "le", "un", "uno", "una", "un'"})


def _first_noun_speaks(doc: Document, k: int, end: int) -> bool:
    """Does the first noun with an article in tokens ``[k, end)`` name people ("i coniugi", "il sindaco")?"""
    for m in range(k, end - 1):
        if doc.low[m] in _ARTICLES:
            return can_speak(doc, m + 1, m + 2)
    return False


def predicate_report(doc: Document, sent: Sentence, cue: Cue) -> list[Attribution]:
    """"X si dichiara ampiamente soddisfatto del proprio lavoro": a pronominal cue with a predicate."""
    if not cue.reflexive or cue.lemma not in ("dire", "dichiarare"):
        return []
    speaker = speaker_left(doc, sent, cue.first)
    k = cue.last + 1
    if speaker is None or k >= sent.t1 or np_tags(doc, k) not in ("WORD", "STOP") or not doc.tokens[k].text[:1].islower():
        return []
    end = clause_end(doc, k, sent.t1)
    content = content_of(doc, doc.tokens[k].start, doc.tokens[end - 1].end) if end > k else None
    if content is None:
        return []
    return [Attribution(sent.sent_id, content[0], content[1], speaker, tok_span(doc, cue.first, cue.last + 1), cue.lemma,
                        cue.stance, None, head=doc.tokens[cue.head].start)]
