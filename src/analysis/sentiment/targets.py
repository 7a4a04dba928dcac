"""Tone toward each actor: the evaluative words the dependency parse attaches to a mention.

Sentence co-occurrence (:func:`analysis.sentiment.entity_sentiment`) gives
every actor of a sentence the sentence's tone: the victim and the culprit of
a crime come out equally negative, and so does the government that condemns
an attack. Here the tone of a mention comes only from the words that the
parse of its sentence attaches to it, each found by one construction:

==========================  =======================================================
relation                    example (the mention in brackets)
==========================  =======================================================
``predicate``               [Rossi] è corrotto · [il governo] ha fallito
``passive``                 [Rossi] è stato arrestato · criticato dal sindaco
``object``                  la polizia ha arrestato [Rossi] · hanno elogiato [Rossi]
``modifier``                [Rossi], accusato di frode · il dittatore [Assad]
``possessor``               la disastrosa gestione del [governo] · la vittoria di [Rossi]
``target``                  le critiche a [Rossi] · le proteste contro [il governo]
``agent``                   ucciso da [Rossi] (the one who does harm is blamed)
``light-object``            [Rossi] ha ottenuto una vittoria · ha commesso un errore
``beat``                    [Rossi] ha sconfitto [Bianchi]
``catch``                   [la polizia] ha arrestato [Rossi] · arrestato dalla [polizia]
``self``                    [i ladri] sono fuggiti (an actor named by an evaluative noun)
==========================  =======================================================

Who receives a word's tone is set by ``data/sentiment/target_words.tsv``: a
judgement ("condannare", "elogiare", "arresto") goes to the one judged, not
to the judge; harm ("uccidere", "attentato") blames the one who does it and
leaves the victim neutral; what befalls someone ("morire") is neutral. The
polarity of each word is the lexicon's (:mod:`analysis.textblob_it.lexicon`),
flipped and damped under a negation ("non è stato arrestato"). Words inside
names carry nothing (:mod:`analysis.sentiment.names`). A mention with no
attached evaluative word is neutral, whatever the sentence says elsewhere.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterator, Literal, Sequence

from ..lemmatization import lemmatize
from ..textblob_it.analyzer import NEGATION_FACTOR
from ..textblob_it.lexicon import Lexicon, load_lexicon
from ..wordlists import read_word_table

__all__ = [
    "clause_head", "clause_tokens", "clause_text", "mention_role", "MentionRole",
    "ToneWord", "TargetTone", "tone_toward", "word_class", "target_label", "TARGET_CLASSES",
    "predicate_words", "object_words", "modifier_words", "possessor_words", "agent_words", "self_words",
]

TargetClass = Literal["judge", "harm", "suffer", "light", "beat", "catch"]
TARGET_CLASSES: tuple[str, ...] = ("judge", "harm", "suffer", "light", "beat", "catch")
#: The polarity a "beat" verb gives winner and loser when the lexicon has none, and a "catch" verb its catcher.
BEAT_POLARITY = 0.5
#: |polarity| above this is positive or negative (as for sentences).
THRESHOLD = 0.05

_SUBJECTS = ("nsubj", "csubj")
_PASSIVE_SUBJECTS = ("nsubj:pass", "csubj:pass")
_OBJECTS = ("obj", "iobj")
_NAME_PARTS = ("flat", "flat:name", "compound", "flat:foreign")
_TARGET_CASES = frozenset({"a", "contro", "verso", "nei", "confronti", "per"})
_NEGATIONS = frozenset({"non", "mai", "né", "nessuno"})


@dataclass(frozen=True)
class ToneWord:
    """An evaluative word attached to a mention: character offsets into the parsed text, its contribution."""

    start: int
    end: int
    text: str
    polarity: float
    relation: str


@dataclass(frozen=True)
class TargetTone:
    """The tone toward one mention: mean polarity of its words, label, and the words."""

    polarity: float
    label: str
    words: tuple[ToneWord, ...]

    def explain(self) -> str:
        """The words as ``"arrestato −0.30 (passive); corrotto −0.80 (predicate)"``."""
        return "; ".join(f"{w.text} {w.polarity:+.2f} ({w.relation})" for w in self.words)


def target_label(polarity: float) -> str:
    return "positive" if polarity > THRESHOLD else "negative" if polarity < -THRESHOLD else "neutral"


@lru_cache(maxsize=1)
def _classes() -> dict[str, str]:
    table = read_word_table("sentiment/target_words.tsv")
    bad = {k: v for k, v in table.items() if v not in TARGET_CLASSES}
    if bad:
        raise ValueError(f"target_words.tsv: unknown class(es) {bad}; expected one of {', '.join(TARGET_CLASSES)}")
    return table


def _lemmas(tok: Any) -> list[str]:
    """Candidate lemmas of a spaCy token: ours, and the infinitive of a participle ("arrestato" → "arrestare")."""
    form = tok.text.lower()
    out = [lemmatize(tok.text), form]
    for lemma in list(out):
        for end, inf in (("ato", "are"), ("ata", "are"), ("ati", "are"), ("ate", "are"), ("ito", "ire"),
                         ("ita", "ire"), ("iti", "ire"), ("ite", "ire"), ("uto", "ere"), ("uta", "ere")):
            if lemma.endswith(end) and len(lemma) > len(end) + 2:
                out.append(lemma[: -len(end)] + inf)
    return out


def word_class(tok: Any) -> str | None:
    """The class of ``target_words.tsv`` of a token, by lemma (None when not listed)."""
    table = _classes()
    for lemma in _lemmas(tok):
        if lemma in table:
            return table[lemma]
    return None


class _Context:
    """What the constructions share: the lexicon and the tokens that are names."""

    def __init__(self, doc: Any, lexicon: Lexicon, skip: set[int]):
        self.doc, self.lexicon, self.skip = doc, lexicon, skip

    def polarity(self, tok: Any) -> float:
        """The lexicon polarity of a token (0.0 for names, neutral and unknown words)."""
        if tok.i in self.skip or not tok.is_alpha:
            return 0.0
        entry = self.lexicon.lookup(tok.text, kind="word")
        if entry is None:  # "arrestati" → "arrestato" → "arrestare"
            entry = next((e for e in map(self.lexicon.get, _lemmas(tok)[1:]) if e is not None), None)
        if entry is None or entry.is_modifier:
            return 0.0
        return entry.polarity

    def negated(self, head: Any) -> bool:
        """``head`` has a negation among its dependents ("non è stato arrestato")."""
        return any(c.dep_ in ("advmod", "neg") and c.text.lower() in _NEGATIONS for c in head.children)

    def word(self, tok: Any, polarity: float, relation: str, head: Any | None = None) -> ToneWord:
        if head is not None and self.negated(head):
            polarity *= NEGATION_FACTOR
        return ToneWord(tok.idx, tok.idx + len(tok.text), tok.text, polarity, relation)


def _first_conjunct(tok: Any) -> Any:
    """The token whose place in the clause the mention takes.

    "X e Y sono stati arrestati": Y takes X's place; "hanno eletto il
    presidente, [Zardari]" and "il presidente [Zardari] ha vinto": the name
    takes the place of the noun it names.
    """
    while tok.head is not tok and (tok.dep_ == "conj" or (
            tok.dep_ in ("appos", "nmod", *_NAME_PARTS) and tok.head.pos_ in ("NOUN", "PROPN")
            and not _case_words(tok))):
        tok = tok.head
    return tok


def _case_words(tok: Any) -> set[str]:
    return {c.text.lower().rstrip("'’") for c in tok.children if c.dep_ == "case"}


_AGENT_CASES = frozenset({"da", "dal", "dallo", "dalla", "dall", "dai", "dagli", "dalle"})


def _is_agent(tok: Any) -> bool:
    """The agent of a passive, however the parse labels it: "obl:agent", or an "obl" opened by "da" on a verb
    with a passive auxiliary or subject ("arrestati [dalla polizia]": parsers disagree on the label)."""
    if tok.dep_ == "obl:agent":
        return True
    return tok.dep_ == "obl" and bool(_case_words(tok) & _AGENT_CASES) and any(
        c.dep_ in ("aux:pass",) + _PASSIVE_SUBJECTS for c in tok.head.children)


def _modifiers(ctx: _Context, tok: Any, relation: str, receiver: str = "all") -> Iterator[ToneWord]:
    """Evaluative adjectives and adverbs that modify ``tok`` ("la *disastrosa* gestione", "ha gestito *male*")."""
    for c in tok.children:
        if c.dep_ in ("amod", "advmod") and c.i not in ctx.skip:
            p = ctx.polarity(c)
            if p:
                yield ctx.word(c, p, relation, None)


def predicate_words(ctx: _Context, head: Any, *, passive: bool) -> Iterator[ToneWord]:
    """The mention is the subject of ``head``.

    "[Rossi] è corrotto" (predicate), "[il governo] ha fallito", "[Rossi] è
    stato arrestato" (passive: a judgement reaches the one judged), "[Rossi]
    ha ucciso…" (harm blames its agent), "[Rossi] ha ottenuto una vittoria"
    (light verb: the object's tone), "[Rossi] ha sconfitto…" (beat).
    """
    kind = word_class(head)
    p = ctx.polarity(head)
    relation = "passive" if passive else "predicate"
    if kind == "judge":
        if passive and p:
            yield ctx.word(head, p, relation, head)
        return  # the judge's own act says nothing about the judge
    if kind == "suffer" or (kind == "harm" and passive):
        return  # victims are neutral
    if kind == "harm":
        yield ctx.word(head, -abs(p) if p else -BEAT_POLARITY, relation, head)
        return
    if kind == "beat":
        pol = -(abs(p) or BEAT_POLARITY) if passive else (abs(p) or BEAT_POLARITY)
        yield ctx.word(head, pol, "beat", head)
        return
    if kind == "catch":  # "[la polizia] ha arrestato…" credits; "[Rossi] è stato arrestato" blames
        yield ctx.word(head, -(abs(p) or BEAT_POLARITY) if passive else BEAT_POLARITY, "catch", head)
        return
    if kind == "light":
        found = False
        for obj in head.children:
            if (obj.dep_ in _OBJECTS or (obj.dep_ == "obl" and _case_words(obj) & {"a", "al", "alla", "ai", "alle"})) \
                    and word_class(obj) not in ("harm", "suffer"):
                q = ctx.polarity(obj)
                if q:
                    found = True
                    yield ctx.word(obj, q, "light-object", head)
                for m in obj.children:
                    if m.dep_ == "amod" and ctx.polarity(m):
                        found = True
                        yield ctx.word(m, ctx.polarity(m), "light-object", head)
        if not found and p:  # "ha guadagnato il 4%": the verb's own tone
            yield ctx.word(head, p, relation, head)
        return
    if p:
        yield ctx.word(head, p, relation, head)
    for m in head.children:  # "ha gestito male", "è un leader corrotto", "si trova in difficoltà"
        if m.dep_ in ("advmod", "amod") and ctx.polarity(m):
            yield ctx.word(m, ctx.polarity(m), relation, head)
        elif m.dep_ == "obl" and _case_words(m) == {"in"} and ctx.polarity(m) and word_class(m) is None:
            yield ctx.word(m, ctx.polarity(m), relation, head)


def object_words(ctx: _Context, head: Any) -> Iterator[ToneWord]:
    """The mention is the object of ``head``: "hanno arrestato [Rossi]", "X ha sconfitto [Rossi]"."""
    kind = word_class(head)
    p = ctx.polarity(head)
    if kind == "judge" and p:
        yield ctx.word(head, p, "object", head)
    elif kind in ("beat", "catch"):
        yield ctx.word(head, -(abs(p) or BEAT_POLARITY), kind, head)


def agent_words(ctx: _Context, head: Any) -> Iterator[ToneWord]:
    """The mention is the agent of a passive.

    "ucciso da [Rossi]" blames it; "criticato da [Rossi]" does not; "vinta
    dalla [Juventus]" gives it the verb's tone, as the subject of the active
    verb would have.
    """
    kind = word_class(head)
    p = ctx.polarity(head)
    if kind == "harm":
        yield ctx.word(head, -abs(p) if p else -BEAT_POLARITY, "agent", head)
    elif kind == "beat":
        yield ctx.word(head, abs(p) or BEAT_POLARITY, "beat", head)
    elif kind == "catch":
        yield ctx.word(head, BEAT_POLARITY, "catch", head)
    elif kind is None and p:
        yield ctx.word(head, p, "agent", head)


def modifier_words(ctx: _Context, tok: Any) -> Iterator[ToneWord]:
    """Words describing the mention itself.

    Adjectives ("il corrotto [Rossi]"), appositions ("[Rossi], noto
    truffatore,"), participles and relative clauses ("[Rossi], accusato di
    frode,", "[Rossi], che ha ucciso…"), and the title noun a name hangs on
    ("il dittatore [Assad]").
    """
    for c in tok.children:
        if c.i in ctx.skip:
            continue
        if c.dep_ == "amod":
            p = ctx.polarity(c)
            if p:
                yield ctx.word(c, p, "modifier")
        elif c.dep_ == "appos":
            p = ctx.polarity(c)
            if p:
                yield ctx.word(c, p, "modifier")
            yield from (w for w in _modifiers(ctx, c, "modifier") if w.polarity)
        elif c.dep_ in ("acl", "acl:relcl") or (c.dep_ == "advcl" and c.pos_ == "VERB" and tok.pos_ in ("NOUN", "PROPN")):
            relative_subject = any(g.dep_ in _SUBJECTS and g.pos_ == "PRON" for g in c.children)
            passive = c.dep_ != "acl:relcl" or any(g.dep_ in ("aux:pass",) for g in c.children)
            if c.dep_ == "acl:relcl" and not relative_subject:
                continue
            yield from predicate_words(ctx, c, passive=passive)
    head = tok.head
    if tok.dep_ in ("appos", "nmod", *_NAME_PARTS) and head.i != tok.i and head.pos_ in ("NOUN", "PROPN") \
            and not _case_words(tok):
        p = ctx.polarity(head)
        if p and word_class(head) is None:
            yield ctx.word(head, p, "modifier")
        yield from (w for w in _modifiers(ctx, head, "modifier") if w.polarity)
    title = _title_beside(tok)
    if title is not None:
        p = ctx.polarity(title)
        if p and word_class(title) is None:
            yield ctx.word(title, p, "modifier")  # "il dittatore [Assad]" parsed as two subjects side by side


def _title_beside(tok: Any) -> Any | None:
    """A common noun right before a name, attached to the same head with the same relation (a title the
    parse did not join to the name: "il dittatore Assad ha parlato")."""
    if tok.i == 0 or tok.pos_ != "PROPN":
        return None
    prev = tok.doc[tok.i - 1]
    if prev.pos_ == "NOUN" and prev.dep_ == tok.dep_ and prev.head.i == tok.head.i and prev.i != prev.head.i:
        return prev
    return None


def possessor_words(ctx: _Context, tok: Any) -> Iterator[ToneWord]:
    """The mention depends on a noun through a preposition.

    "la vittoria di [Rossi]", "la disastrosa gestione del [governo]"
    (possessor: the noun's tone and its adjectives), "l'arresto di [Rossi]"
    (judgement: the one judged), "le critiche a [Rossi]", "le proteste contro
    [il governo]" (target); "l'uccisione di [Rossi]" leaves the victim neutral.
    """
    head = tok.head
    cases = _case_words(tok)
    if tok.dep_ != "nmod" or head is tok or not cases or head.pos_ not in ("NOUN", "PROPN"):
        return
    by_agent = "parte" in cases or any(c.text.lower() == "parte" for c in tok.children)
    if head.text.lower() == "parte" and head.dep_ in ("nmod", "obl") and head.head.i != head.i:
        head, by_agent = head.head, True  # "l'arresto … da parte della [polizia]": the agent of the noun above
        if head.pos_ not in ("NOUN", "PROPN"):
            return
    kind = word_class(head)
    p = ctx.polarity(head)
    if kind in ("harm", "suffer"):
        if by_agent:
            yield ctx.word(head, -abs(p) if p else -BEAT_POLARITY, "agent")
        return
    if kind == "catch":  # "l'arresto di [Rossi]"; "da parte della [polizia]" credits
        yield ctx.word(head, BEAT_POLARITY if by_agent else -(abs(p) or BEAT_POLARITY), "catch")
        return
    if kind == "judge":
        if p and (cases & (_TARGET_CASES | {"di", "del", "della", "dei", "degli", "delle", "dello", "dell"})):
            yield ctx.word(head, p, "target")
        return
    if cases & {"di", "del", "della", "dei", "degli", "delle", "dello", "dell", "da", "dal", "dalla"}:
        if p:
            yield ctx.word(head, p, "possessor")
        yield from (w for w in _modifiers(ctx, head, "possessor") if w.polarity)


def _mention_head(doc: Any, start: int, end: int) -> Any:
    """The token of ``doc[start:end]`` whose head lies outside it (the first such)."""
    for t in doc[start:end]:
        if not (start <= t.head.i < end) or t.head.i == t.i:
            return t
    return doc[start]


def self_words(ctx: _Context, tok: Any, names: Sequence[tuple[int, int]] = ()) -> Iterator[ToneWord]:
    """The mention is named by an evaluative common noun: "[i ladri]", "[il truffatore]", "[gli eroi]".

    Not for names, nor for nouns of what befalls someone ("la vittima", "il
    ferito": ``suffer`` in ``target_words.tsv``), nor for words of a listed name.
    """
    if tok.pos_ not in ("NOUN", "ADJ") or not tok.is_alpha or tok.ent_type_ or word_class(tok) is not None:
        return
    if any(a <= tok.idx < b for a, b in names):
        return
    entry = ctx.lexicon.lookup(tok.text, kind="word")
    if entry is not None and not entry.is_modifier and entry.polarity:
        yield ToneWord(tok.idx, tok.idx + len(tok.text), tok.text, entry.polarity, "self")


def tone_toward(doc: Any, start: int, end: int, *, lexicon: Lexicon | None = None,
                names: Sequence[tuple[int, int]] = ()) -> TargetTone:
    """The tone toward the mention ``doc[start:end]`` (token indices) of a parsed sentence.

    ``names`` are character spans of ``doc.text`` whose words carry no tone
    (beside the mention itself and the model's entities).
    """
    lexicon = lexicon or load_lexicon()
    skip = set(range(start, end))
    for ent in doc.ents:
        skip.update(range(ent.start, ent.end))
    for a, b in names:
        skip.update(t.i for t in doc if a <= t.idx < b)
    ctx = _Context(doc, lexicon, skip)
    tok = _mention_head(doc, start, end)
    words: list[ToneWord] = list(self_words(ctx, tok, names))
    words += modifier_words(ctx, tok)
    role = _first_conjunct(tok)
    if role.i != tok.i and role.dep_ != "conj":  # "il presidente [Rossi], indagato per…": the noun's own modifiers
        words += (w for w in modifier_words(ctx, role) if w.relation != "modifier" or w.start != tok.idx)
    head = role.head
    words += possessor_words(ctx, role)
    if head.i != role.i:
        if role.dep_ in _SUBJECTS and _second_subject(role):
            words += object_words(ctx, head)  # "Il sindaco ha elogiato [Rossi]": a subject after the verb
        elif role.dep_ in _SUBJECTS:
            words += predicate_words(ctx, head, passive=any(c.dep_ == "aux:pass" for c in head.children))
            words += _shared_subject(ctx, head)
        elif role.dep_ in _PASSIVE_SUBJECTS:
            words += predicate_words(ctx, head, passive=True)
            words += _shared_subject(ctx, head, passive=True)
        elif role.dep_ in _OBJECTS:
            words += object_words(ctx, head)
        elif _is_agent(role):
            words += agent_words(ctx, head)
        elif role.dep_ == "obl" and _case_words(role) & _TARGET_CASES and word_class(head) == "judge":
            p = ctx.polarity(head)
            if p:
                words.append(ctx.word(head, p, "target", head))
    seen: dict[tuple[int, str], ToneWord] = {}
    for w in words:
        seen.setdefault((w.start, w.relation), w)
    found = tuple(sorted(seen.values(), key=lambda w: w.start))
    polarity = round(sum(w.polarity for w in found) / len(found), 6) if found else 0.0
    return TargetTone(polarity, target_label(polarity), found)


def _second_subject(tok: Any) -> bool:
    """A subject after its verb when another subject precedes the verb: the parse took an object for it."""
    head = tok.head
    return tok.i > head.i and any(c.dep_ in _SUBJECTS and c.i < head.i and c.i != tok.i for c in head.children)


def _shared_subject(ctx: _Context, head: Any, *, passive: bool = False) -> Iterator[ToneWord]:
    """Verbs coordinated with ``head`` that have no subject of their own share it ("è stato arrestato e condannato")."""
    for c in head.children:
        if c.dep_ == "conj" and c.pos_ in ("VERB", "ADJ", "NOUN") and not any(
                g.dep_ in _SUBJECTS + _PASSIVE_SUBJECTS for g in c.children):
            yield from predicate_words(ctx, c, passive=passive or any(g.dep_ == "aux:pass" for g in c.children))


# --- the clause of a mention, and the part it plays in it ------------------------------------------------------

#: Clauses hanging from a verb that are clauses of their own (left out of its clause unless they hold the mention).
_OWN_CLAUSES = frozenset({"advcl", "ccomp", "csubj", "parataxis", "discourse", "vocative"})

MentionRole = Literal["victim", "subject", "object", "other"]


def _is_predicate(tok: Any) -> bool:
    """A verb, or a noun or adjective with a copula ("è *corrotto*", "è un *eroe*")."""
    return tok.pos_ in ("VERB", "AUX") or any(c.dep_ == "cop" for c in tok.children)


def clause_head(doc: Any, start: int, end: int) -> Any:
    """The predicate of the clause the mention ``doc[start:end]`` stands in (its nearest predicate above, or the root).

    "Il 30enne, [che] ha aggredito la ragazza, è stato arrestato": the
    clause of "Il 30enne" is headed by "arrestato"; a mention inside a
    relative clause belongs to that clause.
    """
    tok = _mention_head(doc, start, end)
    head = tok.head
    steps = 0
    while head.i != head.head.i and not _is_predicate(head) and steps < 50:
        head = head.head
        steps += 1
    return head if head.i != tok.i else tok


def clause_tokens(doc: Any, start: int, end: int) -> list[Any]:
    """The tokens of the mention's clause: its predicate's subtree without the clauses of their own that hang
    from it (adverbial, complement, parenthetical and coordinated clauses with a subject of their own), unless
    they hold the mention. A relative clause that describes the mention stays ("Il 30enne, che ha aggredito …")."""
    head = clause_head(doc, start, end)
    inside = set(range(start, end))
    dropped: set[int] = set()
    for c in head.children:
        own = c.dep_ in _OWN_CLAUSES or (c.dep_ == "conj" and _is_predicate(c) and any(
            g.dep_ in _SUBJECTS + _PASSIVE_SUBJECTS for g in c.children))
        if own:
            sub = {t.i for t in c.subtree}
            if not sub & inside:
                dropped |= sub
    return [t for t in head.subtree if t.i not in dropped]


def clause_text(doc: Any, start: int, end: int) -> str:
    """The text of :func:`clause_tokens`, as written (a gap where a clause was left out becomes one space)."""
    toks = clause_tokens(doc, start, end)
    parts = []
    for a, b in zip(toks, toks[1:] + [None]):
        parts.append(a.text + (a.whitespace_ if b is not None and b.i == a.i + 1 else " " if b is not None else ""))
    return "".join(parts).strip()


def mention_role(doc: Any, start: int, end: int) -> MentionRole:
    """The part the mention plays in its clause.

    ``victim``: harm befalls it (the object or passive subject of a harm or
    suffer verb of ``target_words.tsv``, or its possessor: "ha aggredito [la
    ragazza]", "[Rossi] è stato ucciso", "la morte di [Rossi]");
    ``subject`` and ``object`` of its clause's predicate; else ``other``.
    """
    tok = _first_conjunct(_mention_head(doc, start, end))
    head = tok.head
    kind = word_class(head)
    dep = tok.dep_
    if dep in _OBJECTS + _PASSIVE_SUBJECTS and kind in ("harm", "suffer"):
        return "victim"
    if dep in _SUBJECTS and kind == "suffer":
        return "victim"
    if dep == "nmod" and kind in ("harm", "suffer") and "parte" not in _case_words(tok):
        return "victim"
    if dep in _SUBJECTS + _PASSIVE_SUBJECTS or _is_agent(tok):
        return "subject"
    if dep in _OBJECTS:
        return "object"
    return "other"
