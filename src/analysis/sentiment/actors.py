"""Tone toward each actor of a corpus, beside the tone of the sentences that mention it.

:func:`actor_mentions` finds every mention of the entities of
``data/sentiment/entity_aliases.tsv`` (and, with ``model_entities=True``, the
people and organisations the Italian model recognises), parses the sentences
that hold one in one batch, and gives each mention its tones:

* ``target_*``: the evaluative words the parse attaches to the mention
  (:func:`analysis.sentiment.targets.tone_toward`), shown in ``target_words``;
* ``clause_*``: the trained model's tone of the mention's clause
  (:func:`analysis.sentiment.targets.clause_text`);
* ``tone_label``: the two combined with the mention's role
  (:func:`combined_tone`): the measured best of the three;
* ``sentence_*``: the tone of the whole sentence (co-occurrence, what
  :func:`analysis.sentiment.entity_sentiment` summarises).

:func:`actor_tone` summarises them per actor, side by side. Their measured
accuracy against hand labels is in ``python -m analysis.evaluation sentiment``.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping

import pandas as pd

from ..tokenization import Token
from .scorer import SentimentScorer
from .tables import (
    _LABELS,
    _entity_patterns,
    _require_corpus,
    polarity_label,
    scorer_for,
    sentence_sentiment,
)
from .targets import clause_text, mention_role, tone_toward

if TYPE_CHECKING:
    from ..corpus import Corpus

__all__ = ["actor_mentions", "actor_tone", "combined_tone", "MENTION_COLUMNS"]

MENTION_COLUMNS = [
    "entity", "source", "doc_id", "sent_id", "start", "end", "mention", "target_polarity", "target_label",
    "target_words", "clause_polarity", "clause_label", "role", "tone_label", "sentence_polarity", "sentence_label",
]
#: Model entity labels counted as actors.
ACTOR_LABELS = ("PER", "ORG")
_LEADING_ARTICLE = re.compile(r"^(?:il|lo|la|i|gli|le|l['’])\s*", re.IGNORECASE)


def _sentence_docs(corpus: "Corpus", rows: list[tuple[str, int, int, int]], nlp: Any, parses: Any = None) -> list[Any]:
    """Parses of the given sentences ``(doc_id, sent_id, start, end)``, on the corpus tokens, in one batch.

    With ``parses`` (a :class:`~analysis.syntax.parses.ParseStore`) the
    sentences' shared parses are read, entities included (made there when missing).
    """
    from ..syntax.tokenizer import doc_from_tokens
    from ..tokenization import tokenize

    tok = corpus.tokens
    by_sentence: dict[tuple[str, int], list[Token]] = {}
    if tok is not None and len(tok):
        for d, sid, a, b, text, kind in zip(tok["doc_id"], tok["sent_id"], tok["start"], tok["end"], tok["text"],
                                            tok["kind"]):
            by_sentence.setdefault((d, int(sid)), []).append(Token(int(a), int(b), str(text), str(kind)))
    docs, items = [], []
    for d, sid, a, b in rows:
        text = corpus.text(d)
        toks = [t for t in by_sentence.get((d, sid), []) if a <= t.start and t.end <= b]
        if not toks:
            toks = [Token(t.start + a, t.end + a, t.text, t.kind) for t in tokenize(text[a:b])]
        if parses is not None:
            items.append((text[a:b], [t._replace(start=t.start - a, end=t.end - a) for t in toks]))
        else:
            docs.append(doc_from_tokens(nlp.vocab, text, toks, a, b))
    if parses is not None:
        return parses.parse(items, entities=True)
    return list(nlp.pipe(docs))


def _canonical(name: str) -> str:
    return _LEADING_ARTICLE.sub("", name.strip()) or name.strip()


def actor_mentions(corpus: "Corpus", entities: Mapping[str, str] | str | Path | None = None, *,
                   model_entities: bool = True, scorer: SentimentScorer | None = None,
                   analyzer: Any = None, parses: Any = None) -> pd.DataFrame:
    """One row per mention of an actor, with the tone toward it and the tone of its sentence.

    ``entities`` maps alias → canonical name (default: ``entity_aliases.tsv``;
    a path to such a file is accepted); with ``model_entities`` the PER and
    ORG entities of the Italian model count too, under their own text
    (overlapping an alias, the alias wins). Only the sentences with a
    mention are parsed (with ``model_entities``, every sentence with a
    capitalised word after its first).

    Columns: entity (str), source (str: ``alias``, ``PER`` or ``ORG``),
    doc_id (str), sent_id (int), start, end (int: offsets into the document),
    mention (str: as written), target_polarity (float), target_label
    (category), target_words (str: the words attached to the mention, e.g.
    ``"arrestato -0.30 (passive)"``; empty when none), clause_polarity
    (float: the trained model on the mention's clause), clause_label
    (category), role (str: victim, subject, object or other;
    :func:`~analysis.sentiment.targets.mention_role`), tone_label (category:
    :func:`combined_tone`), sentence_polarity (float), sentence_label
    (category: the sentence's tone by the scorer's analyzer). ``parses``: a
    :class:`~analysis.syntax.parses.ParseStore` of parses shared with the other analyses.
    """
    _require_corpus(corpus)
    pats = _entity_patterns(entities)
    sents = sentence_sentiment(corpus, scorer=scorer, analyzer=analyzer, parses=parses)
    found: dict[int, list[tuple[int, int, str, str]]] = {}
    chosen: list[int] = []
    for k, r in enumerate(sents.itertuples(index=False)):
        spans: list[tuple[int, int, str, str]] = []
        for pat, name in pats:
            for m in pat.finditer(r.text):
                if not any(m.start() < e and s < m.end() for s, e, _, _ in spans):
                    spans.append((m.start(), m.end(), name, "alias"))
        if spans or (model_entities and re.search(r"\s[A-ZÀ-Ý]", r.text)):
            found[k] = spans
            chosen.append(k)
    rows = []
    clauses: list[str] = []
    if chosen:
        from ..syntax import load_nlp

        nlp = load_nlp()
        keys = [(str(sents["doc_id"].iat[k]), int(sents["sent_id"].iat[k]), int(sents["start"].iat[k]),
                 int(sents["end"].iat[k])) for k in chosen]
        for k, (d, sid, a, _), doc in zip(chosen, keys, _sentence_docs(corpus, keys, nlp, parses)):
            spans = list(found[k])
            if model_entities:
                for ent in doc.ents:
                    if ent.label_ in ACTOR_LABELS and not any(
                            ent.start_char < e and s < ent.end_char for s, e, _, _ in spans):
                        spans.append((ent.start_char, ent.end_char, _canonical(ent.text), ent.label_))
            sp, sl = float(sents["polarity"].iat[k]), str(sents["label"].iat[k])
            for s, e, name, source in sorted(spans):
                toks = [t.i for t in doc if t.idx < e and t.idx + len(t.text) > s and not t.is_space]
                if not toks:
                    continue
                tone = tone_toward(doc, toks[0], toks[-1] + 1)
                clauses.append(clause_text(doc, toks[0], toks[-1] + 1))
                rows.append([name, source, d, sid, a + s, a + e, doc.text[s:e], tone.polarity, tone.label,
                             tone.explain(), 0.0, "neutral", mention_role(doc, toks[0], toks[-1] + 1), "neutral",
                             sp, sl])
    trained = scorer_for(scorer).using("trained")
    for row, score in zip(rows, trained.score_many(clauses)):
        row[10], row[11] = score.polarity, polarity_label(score.polarity)
        row[13] = combined_tone(row[8], row[11], row[12])
    out = pd.DataFrame(rows, columns=MENTION_COLUMNS).astype({
        "entity": "string", "source": "string", "doc_id": "string", "sent_id": "int64", "start": "int64",
        "end": "int64", "mention": "string", "target_polarity": "float64", "target_words": "string",
        "clause_polarity": "float64", "role": "string", "sentence_polarity": "float64"})
    for c in ("target_label", "clause_label", "tone_label", "sentence_label"):
        out[c] = out[c].astype(pd.CategoricalDtype(list(_LABELS)))
    return out.sort_values(["doc_id", "start", "entity"], ignore_index=True)


def actor_tone(corpus: "Corpus", entities: Mapping[str, str] | str | Path | None = None, *,
               model_entities: bool = True, mentions: pd.DataFrame | None = None,
               scorer: SentimentScorer | None = None, analyzer: Any = None) -> pd.DataFrame:
    """Per actor: the tone toward it (parse) beside the tone of the sentences mentioning it (co-occurrence).

    ``mentions`` is :func:`actor_mentions`'s table (computed when None).
    Columns: entity (str), n (int: mentions), n_documents (int),
    target_mean_polarity, target_share_negative, target_share_neutral,
    target_share_positive, tone_share_negative, tone_share_neutral,
    tone_share_positive (:func:`combined_tone`), sentence_mean_polarity,
    sentence_share_negative, sentence_share_neutral, sentence_share_positive
    (float), with_words (int: mentions with at least one evaluative word
    attached). Sorted by n.
    """
    m = (actor_mentions(corpus, entities, model_entities=model_entities, scorer=scorer, analyzer=analyzer)
         if mentions is None else mentions)
    cols = ["entity", "n", "n_documents", "target_mean_polarity",
            *(f"target_share_{lab}" for lab in _LABELS), *(f"tone_share_{lab}" for lab in _LABELS),
            "sentence_mean_polarity",
            *(f"sentence_share_{lab}" for lab in _LABELS), "with_words"]
    rows = []
    for name, g in m.groupby("entity", observed=True):
        t = g["target_label"].value_counts(normalize=True)
        c = g["tone_label"].value_counts(normalize=True)
        s = g["sentence_label"].value_counts(normalize=True)
        rows.append({"entity": name, "n": len(g), "n_documents": g["doc_id"].nunique(),
                     "target_mean_polarity": g["target_polarity"].mean(),
                     **{f"target_share_{lab}": float(t.get(lab, 0.0)) for lab in _LABELS},
                     **{f"tone_share_{lab}": float(c.get(lab, 0.0)) for lab in _LABELS},
                     "sentence_mean_polarity": g["sentence_polarity"].mean(),
                     **{f"sentence_share_{lab}": float(s.get(lab, 0.0)) for lab in _LABELS},
                     "with_words": int((g["target_words"].fillna("") != "").sum())})
    out = pd.DataFrame(rows, columns=cols).astype({"entity": "string", "n": "int64", "n_documents": "int64",
                                                   "with_words": "int64",
                                                   **{c: "float64" for c in cols[3:-1]}})
    return out.sort_values(["n", "entity"], ascending=[False, True], ignore_index=True)


def combined_tone(parse_label: str, clause_label: str, role: str) -> str:
    """The tone toward a mention from the parse, the trained model's tone of its clause, and its role.

    The parse speaks first when it finds words attached to the mention (they
    name what is said of it, or what it is called: "i ladri"). Otherwise the
    clause's tone reaches the mention when it is the clause's subject or
    agent (the one who acts, or is arrested, praised, charged); a positive
    clause also credits the others it names ("grazie all'attenzione dei
    residenti", "recuperato dalla polizia"), while a negative one does not
    paint the victims, witnesses and officials of a crime it reports.
    """
    if parse_label != "neutral":
        return parse_label
    if role == "subject" or (role != "victim" and clause_label == "positive"):
        return clause_label
    return "neutral"
