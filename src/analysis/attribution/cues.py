"""Speech cues: the verb group that reports speech ("ha dichiarato", "Lo riporta", "negate da").

A cue is a speech-verb form from :data:`~analysis.attribution.lexicon.SPEECH_VERBS`
together with what belongs to its verb group on the left: auxiliaries
(3rd person only, so the writer's "abbiamo scritto" is not a cue), modal
verbs ("ha voluto sottolineare"), adverbs ("ha poi aggiunto") and an object
clitic ("Lo riporta", "l'ha detto"). Forms used as nouns ("la conferma", "una
critica") and bare participles that are not passives ("detto questo") are
left out, as are impersonal uses ("si dice"). Verbs whose pronominal use
still reports speech (``reflexive`` column of the data file: "si chiede se",
"si è detto pronto", "si rivolge ai cittadini: «…»") keep their ``si`` in the
cue and are marked ``reflexive``: the patterns attribute them only when a
speaker is written, so the impersonal "si dice che" stays out.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Literal

from ..lemmatization import lemmatize
from ..postags import word_tag
from .document import Document, Sentence
from .lexicon import (
    FORM_KINDS,
    LEMMA_PREFIXES,
    MAX_CUE_WORDS,
    REFLEXIVE_LEMMAS,
    SPEECH_LEMMAS,
    SPEECH_VERBS,
    SpeechVerb,
)
from .tags import DA, DET, DI, PREP, A, is_adverb_word

__all__ = ["Cue", "FormKind", "find_cues"]

FormKind = Literal["finite", "participle", "gerund", "infinitive"]

_AUX_HAVE = frozenset({"ha", "hanno", "aveva", "avevano", "avrebbe", "avrebbero", "avrà", "avranno", "ebbe",
                       "ebbero", "abbia", "abbiano", "avesse", "avessero", "avendo", "avere", "aver"})
_AUX_BE = frozenset({"è", "e'", "sono", "era", "erano", "sarebbe", "sarebbero", "sarà", "saranno", "fu", "furono",
                     "sia", "siano", "fosse", "fossero", "essendo", "viene", "vengono", "veniva", "venivano",
                     "venne", "vennero", "verrà", "verranno", "essere"})
_BE_PARTICIPLE = frozenset({"stato", "stata", "stati", "state"})
_MODALS = frozenset({"vuole", "vogliono", "voleva", "volevano", "volle", "voluto", "deve", "devono", "doveva",
                     "dovuto", "può", "possono", "poteva", "potuto", "potrebbe", "potrebbero", "dovrebbe",
                     "tiene", "tengono", "teneva", "tenuto", "torna", "tornato", "tornata", "vorrebbe"})
_MODAL_LINKS = frozenset({"a", "ad"})
_CLITICS = frozenset({"lo", "l'", "la"})
#: Endings of finite forms that are never nouns: "le chiedono", "gli diceva" (a clitic, not an article).
_VERB_ENDINGS = ("ono", "ano", "ava", "eva", "iva", "avano", "evano", "ivano", "erebbe", "erebbero", "arono", "irono", "ettero")
_NOUN_MARKERS = DET | DI | DA | A | PREP | frozenset({"quell'", "quest'", "nessuna", "ogni", "alcuna"})


@dataclass(frozen=True)
class Cue:
    """A verb group reporting speech; token indices are inclusive ``[first, last]``."""

    first: int
    head: int
    last: int
    verb: SpeechVerb
    form: FormKind
    has_aux: bool
    passive: bool
    clitic: bool
    reflexive: bool = False
    #: Found by its lemma, not in the table of forms ("dicesse", "chiederle"): a cue only where the parse
    #: reads it as a verb.
    by_lemma: bool = False

    @property
    def lemma(self) -> str:
        return self.verb.lemma

    @property
    def stance(self) -> str:
        return self.verb.stance


def _match(doc: Document, i: int, hi: int) -> tuple[int, SpeechVerb, str] | None:
    """Longest speech-verb form starting at token ``i``: (last token, verb, form)."""
    for n in range(min(MAX_CUE_WORDS, hi - i), 0, -1):
        form = " ".join(doc.low[i:i + n])
        verb = SPEECH_VERBS.get(form)
        if verb is not None:
            return i + n - 1, verb, form
    return None


_ENCLITIC_RE = re.compile(r"(?:lo|la|li|le|gli|glielo|gliela|gliene|ne|ci|vi|si|mi|ti|celo|melo|telo)$")


#: Endings of the third-person forms the table of forms lacks: subjunctives ("dicesse", "ritenga",
#: "parlino") and the like; first- and second-person forms end otherwise.
_THIRD_PERSON_ENDINGS = ("a", "ano", "ino", "esse", "essero", "isse", "issero", "asse", "assero", "ebbe", "ebbero")


def _lemma_form(word: str) -> tuple[SpeechVerb, str] | None:
    """A speech verb's form that the table lacks, found by its lemma: (verb, kind) or None.

    Subjunctives ("dicesse", "rispondano") and forms with an enclitic pronoun
    ("chiederle", "definendole") are what this adds. The lemma comes from
    :func:`analysis.lemmatization.lemmatize`; a form that is also a noun
    ("richiesta") is only a cue if the parse says verb.
    """
    if len(word) < 5 or word[:4] not in LEMMA_PREFIXES or not word.isalpha():
        return None
    verb = SPEECH_LEMMAS.get(lemmatize(word))
    if verb is None:
        return None
    bare = _ENCLITIC_RE.sub("", word) if len(word) > 6 else word
    if bare != word and word.endswith("si") and verb.lemma not in REFLEXIVE_LEMMAS:
        return None  # "assicurandosi": the pronominal verb means something else (make sure)
    if bare.endswith("ndo"):
        return verb, "gerund"
    if bare.endswith(("are", "ere", "ire", "rre", "ar", "er", "ir", "rr")):
        return verb, "infinitive"
    if bare.endswith(("ato", "ata", "ati", "ate", "uto", "uta", "uti", "ute", "ito", "ita", "iti", "ite",
                      "sto", "sta", "sti", "ste", "tto", "tta", "tti", "tte", "esso", "essa", "essi")):
        return None  # a participle the table lacks is an adjective more often than a report ("proposto da")
    if not bare.endswith(_THIRD_PERSON_ENDINGS):
        return None  # "credo", "chiediamo", "direi", "parlerai": the writer's or the reader's own verb
    return verb, "finite"


def find_cues(doc: Document, sent: Sentence, *, by_lemma: bool = False) -> list[Cue]:
    """Speech cues of one sentence, left to right.

    With ``by_lemma``, forms the table does not list are found by their lemma
    too (:func:`_lemma_form`; marked :attr:`Cue.by_lemma`).
    """
    cues: list[Cue] = []
    i = sent.t0
    while i < sent.t1:
        m = _match(doc, i, sent.t1)
        if m is None and by_lemma:
            found = _lemma_form(doc.low[i])
            if found is not None:
                cue = _verb_group(doc, sent, i, i, found[0], found[1])  # type: ignore[arg-type]
                if cue is not None:
                    cues.append(dataclasses.replace(cue, by_lemma=True))
        if m is None:
            i += 1
            continue
        last, verb, form = m
        cue = _verb_group(doc, sent, i, last, verb, FORM_KINDS[form])  # type: ignore[arg-type]
        if cue is not None:
            cues.append(cue)
        i = last + 1
    return cues


_QUOTE_OPENINGS = frozenset({"«", "“", '"'})


def _quoted_object_follows(doc: Document, sent: Sentence, k: int) -> bool:
    """A determiner then a quotation of two words or more right after token ``k`` ("il «tono neofascista»")."""
    if k < sent.t1 and doc.low[k] in DET:
        k += 1
    if k >= sent.t1 or doc.tokens[k].text not in _QUOTE_OPENINGS:
        return False
    q = doc.quote_opening_at(doc.tokens[k].start)
    return q is not None and len(doc.text[q.start:q.end].split()) >= 2


#: Adjectives that stand between an article or preposition and a noun ("di intera domanda", "la nuova
#: denuncia"): a speech-verb form after them is the noun.
_NOUN_ADJECTIVES = frozenset({"intera", "intero", "nuova", "nuovo", "prima", "primo", "ultima", "ultimo", "stessa",
                              "stesso", "lunga", "breve", "forte", "dura", "duro", "ennesima", "ennesimo", "formale",
                              "pubblica", "ufficiale", "precisa", "esplicita", "netta", "secca", "vera", "grande"})
#: Verbs whose bare participle with an agent is not speech ("sostenuta da", "concluso dai").
_NOT_BARE_PASSIVES = frozenset({"sostenere", "concludere"})
#: Passives that are no report without their agent ("è stato chiesto che" is a request, not a source).
_NOT_AGENTLESS = frozenset({"chiedere", "domandare", "pensare", "credere", "ritenere", "decidere", "stabilire",
                            "aggiungere"})  # "è stata aggiunta la possibilità di …": added, not said


#: Degree words that make a participle or a form like "nota" an adjective ("più nota come", "ben noto").
_DEGREE_WORDS = frozenset({"più", "meno", "meglio", "ben", "molto", "poco", "assai", "tanto"})


def _verb_group(doc: Document, sent: Sentence, head: int, last: int, verb: SpeechVerb, form: FormKind) -> Cue | None:
    low = doc.low
    if head - 1 >= sent.t0 and low[head - 1] in _DEGREE_WORDS and (form == "participle" or verb.lemma == "notare"):
        return None  # "l'influenza A, più nota come …": an adjective
    j = head - 1
    while j >= sent.t0 and is_adverb_word(low[j]) and low[j] not in ("non",):
        j -= 1
    has_aux = passive = clitic = modal = reflexive = False
    pronominal = verb.lemma in REFLEXIVE_LEMMAS
    if j >= sent.t0 and form == "participle":
        if low[j] in _BE_PARTICIPLE and j - 1 >= sent.t0 and low[j - 1] in _AUX_BE:
            has_aux = passive = True
            j -= 2
        elif low[j] in _AUX_BE:
            has_aux = passive = True
            j -= 1
        elif low[j] in _AUX_HAVE:
            has_aux = True
            j -= 1
    elif j >= sent.t0 and form == "infinitive":
        k = j - 1 if low[j] in _MODAL_LINKS else j
        if j == sent.t0 and low[j] in ("a", "ad"):
            # a cleft: "A chiedere che si faccia presto c'è anche Salvini", "A riferirlo sono stati i genitori"
            return Cue(head, head, last, verb, form, False, False, False, False)
        if k >= sent.t0 and low[k] in _MODALS:
            modal = True
            j = k - 1
            if j >= sent.t0 and low[j] in _AUX_HAVE | _AUX_BE:
                j -= 1
        elif low[j] in ("a", "ad", "di") and _quoted_object_follows(doc, sent, last + 1):
            # "si sono affrettati a sottolineare il «tono neofascista» del discorso": an infinitive whose
            # object opens with a quotation reports it (the speaker is the subject of the governing verb)
            return Cue(head, head, last, verb, form, False, False, False, False)
        else:
            return None
    elif j >= sent.t0 and form in ("finite", "gerund") and low[j] in ("si", "s'"):
        if not pronominal:
            return None  # impersonal "si dice"
        reflexive = True  # "si chiedeva", "si rivolge"
        j -= 1
    # object clitics of the listener: "ti chiedono", "gli ha detto", "ci ha spiegato"
    while j >= sent.t0 and low[j] in ("ti", "mi", "ci", "vi", "gli", "le", "ce", "te", "me", "glielo"):
        j -= 1
    # adverbs and negation before the auxiliary ("non ha detto", "ha anche")
    k = j
    while k >= sent.t0 and is_adverb_word(low[k]):
        k -= 1
    if k >= sent.t0 and low[k] in _CLITICS and (has_aux or form in ("finite", "gerund") or modal):
        prev = low[k - 1] if k - 1 >= sent.t0 else ""
        if low[k] != "la" or has_aux:
            if prev not in DI | A | PREP | DA:
                clitic = True
                j = k - 1
    if (has_aux or modal) and j >= sent.t0 and low[j] in ("si", "s'"):
        if not pronominal:
            return None
        reflexive, passive = True, False  # "si è detto soddisfatto", "si è chiesto se"
        j -= 1
    if form == "gerund" and pronominal and low[head].endswith("ndosi"):
        reflexive = True  # "dicendosi pronto a …"
    first = j + 1
    if not has_aux and not modal and not clitic and not reflexive:
        prev = low[head - 1] if head - 1 >= sent.t0 else ""
        verbal = form == "finite" and prev in ("le", "gli", "lo", "la") and low[head].endswith(_VERB_ENDINGS)
        if prev in _NOUN_MARKERS and not (form == "gerund" and prev not in DET) and not verbal:
            return None  # "la conferma", "una critica", "della nota" (a gerund is never a noun: "ben oltre chiedendo")
        prev2 = low[head - 2] if head - 2 >= sent.t0 else ""
        if form == "finite" and prev2 in _NOUN_MARKERS and prev in _NOUN_ADJECTIVES:
            return None  # "di intera domanda", "una nuova richiesta": a noun after its adjective
        if form == "participle" and prev in ("e", "ed") and any(low[m] in _AUX_HAVE for m in range(sent.t0, head - 1)):
            # "Biden ha reintegrato …, e annunciato che …": the auxiliary of a coordinated participle is shared
            return Cue(head, head, last, verb, form, True, False, False, False)
        if form == "participle":
            # a bare participle is a cue only as a passive with its agent: "criticata dagli Stati Uniti"
            if verb.lemma in _NOT_BARE_PASSIVES:
                return None  # "la protesta, sostenuta da …", "l'accordo concluso dai due Paesi": not speech
            prev2 = low[head - 2] if head - 2 >= sent.t0 else ""
            if prev2 in _NOUN_MARKERS and word_tag(prev) == "JJ":
                return None  # "una forte risposta dal mondo": a noun after its adjective
            k = last + 1
            while k < sent.t1 and is_adverb_word(low[k]):
                k += 1
            if not (k < sent.t1 and low[k] in DA):
                return None
            passive = True
    if form == "participle" and has_aux and passive and not reflexive:
        # "è stato detto", "sono state negate" need an agent to be attributed, or a reported clause
        # ("È stato precisato che …": a report with no source named)
        k = last + 1
        while k < sent.t1 and (is_adverb_word(low[k]) or low[k] in ("ieri", "oggi", "stamani", "stamattina")):
            k += 1
        agentless = verb.lemma not in _NOT_AGENTLESS and (
            k >= sent.t1 or low[k] == "che" or low[k] in DET or doc.tokens[k].text in (".", ";", "!"))
        if not (k < sent.t1 and low[k] in DA or agentless):
            return None  # "è stata confermata l'ipotesi", "La circostanza è stata smentita.": no source named
    return Cue(first, head, last, verb, form, has_aux, passive, clitic, reflexive)
