"""One road: a corpus's tables computed once, cached beside the output, read by everything."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis import load_corpus
from analysis import results as results_module
from analysis.boilerplate import BoilerplateSettings
from analysis.results import CACHE_FOLDER, ResultCache, ResultSettings, load_results
from test_batch import _plain, make_seeds

SITE_LINE = "Il Corriere di Modena racconta la provincia ogni giorno dal 1991"


def _outlet_seeds(root: Path) -> Path:
    """Four articles of one outlet sharing a site line (boilerplate), as one JSONL file and one text file."""
    seeds = root / "outlet"
    seeds.mkdir()
    bodies = [
        "Il sindaco di Carpi ha inaugurato la nuova biblioteca comunale.",
        "La Corea del Nord ha lanciato due missili, secondo l'agenzia Yonhap.",
        "Kim Jong Un ha detto che il programma andrà avanti.",
    ]
    import json

    with open(seeds / "feed.jsonl", "w", encoding="utf-8") as fh:
        for n, body in enumerate(bodies):
            text = f"{body}\n{SITE_LINE}\nIl testo prosegue con altre notizie della giornata numero {n}."
            fh.write(json.dumps({"id": f"a{n}", "text": text, "outlet": "Corriere di Modena", "date": "2021-03-1" + str(n)},
                                ensure_ascii=False) + "\n")
    (seeds / "z_extra.txt").write_text(f"Il prefetto ha firmato l'ordinanza.\n{SITE_LINE}\nAltro testo.\n", encoding="utf-8")
    (seeds / "z_extra.meta.yaml").write_text("outlet: Corriere di Modena\ndate: 2021-03-20\n", encoding="utf-8")
    return seeds


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> Path:
    return make_seeds(tmp_path_factory.mktemp("results"))


@pytest.fixture(scope="module")
def computed(seeds, tmp_path_factory):
    out = tmp_path_factory.mktemp("results_out")
    return load_results(seeds, out), out


@pytest.mark.parametrize("table", ["paragraphs", "sentences", "tokens", "rejected"])
def test_corpus_tables_equal_load_corpus(seeds, computed, table):
    results, _ = computed
    expected = getattr(load_corpus(seeds), table)
    got = getattr(results.corpus, table)
    assert len(expected) > 0
    pd.testing.assert_frame_equal(_plain(got), _plain(expected))
    assert list(got.dtypes.astype(str)) == list(expected.dtypes.astype(str)), table


def test_documents_equal_load_corpus_metadata_included(seeds, computed):
    results, _ = computed
    expected = load_corpus(seeds).documents
    got = results.documents
    assert set(got.columns) == set(expected.columns)
    pd.testing.assert_frame_equal(_plain(got[list(expected.columns)]), _plain(expected))
    assert got.loc[got["doc_id"] == "a_roma", "section"].item() == "città"


def test_analysis_tables_equal_the_analysis_functions(seeds, computed):
    from analysis.attribution import extract_attributions
    from analysis.keywords import entity_mentions, ngrams, term_frequencies
    from analysis.sentiment import (
        actor_mentions,
        document_sentiment,
        paragraph_sentiment,
        sentence_assessments,
        sentence_sentiment,
    )
    from analysis.sentiment import entity_mentions as entity_sentences

    results, _ = computed
    corpus = load_corpus(seeds)
    names = entity_mentions(corpus)
    expected = {
        "attributions": extract_attributions(corpus),
        "sentiment": sentence_sentiment(corpus),
        "sentence_assessments": sentence_assessments(corpus),
        "paragraph_sentiment": paragraph_sentiment(corpus),
        "document_sentiment": document_sentiment(corpus),
        "entity_mentions": entity_sentences(corpus),
        "actor_mentions": actor_mentions(corpus, model_entities=False),
        "names": names,
        "term_frequencies": term_frequencies(corpus, names=names),
        "ngrams": ngrams(corpus, 2),
    }
    for name, df in expected.items():
        got = results.table(name)
        assert len(got) == len(df), name
        pd.testing.assert_frame_equal(_plain(got), _plain(df), obj=name, check_exact=False)
    assert len(expected["attributions"]) >= 3
    assert results.sentiment["label"].dtype == expected["sentiment"]["label"].dtype


def test_a_second_load_only_reads(seeds, computed, monkeypatch):
    _, out = computed

    def no_analysis(*args, **kwargs):
        raise AssertionError("nothing changed: nothing may be analysed again")

    monkeypatch.setattr(results_module, "analyze_documents", no_analysis)
    monkeypatch.setattr(results_module, "_assemble", no_analysis)
    again = load_results(seeds, out)
    assert len(again.tokens) > 0 and len(again.attributions) >= 3


def test_a_changed_file_is_the_only_one_analysed_again(tmp_path, monkeypatch):
    seeds = make_seeds(tmp_path)
    out = tmp_path / "out"
    first = load_results(seeds, out)
    seen: list[list[str]] = []
    real = results_module.analyze_documents

    def spy(docs, **kwargs):
        seen.append([d.doc_id for d in docs])
        return real(docs, **kwargs)

    monkeypatch.setattr(results_module, "analyze_documents", spy)
    path = seeds / "b_milano.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\n\nIl sindaco ha detto che il bilancio è solido.\n",
                    encoding="utf-8")
    second = load_results(seeds, out)
    assert [ids for ids in seen if ids] == [["b_milano"]]
    assert second.key != first.key
    assert len(second.sentences) == len(first.sentences) + 1
    pd.testing.assert_frame_equal(_plain(second.corpus.sentences), _plain(load_corpus(seeds).sentences))
    # the first corpus entry stays until pruned; each file entry is used by one corpus or both
    entries = list((out / CACHE_FOLDER / "corpus").iterdir())
    assert len(entries) == 2


def test_a_code_change_analyses_everything_again(tmp_path, monkeypatch):
    seeds = make_seeds(tmp_path)
    out = tmp_path / "out"
    first = load_results(seeds, out)
    monkeypatch.setattr(results_module, "code_key", lambda: "another version of the code")
    calls = []
    real = results_module.analyze_documents
    monkeypatch.setattr(results_module, "analyze_documents", lambda docs, **kw: calls.append(1) or real(docs, **kw))
    second = load_results(seeds, out)
    assert second.key != first.key and len(calls) >= 6


def test_settings_that_change_results_change_the_key(seeds, computed):
    results, out = computed
    kept = load_results(seeds, out, settings=ResultSettings(boilerplate=BoilerplateSettings(keep=True)))
    assert kept.key != results.key
    same = load_results(seeds, out, settings=ResultSettings(chunk_bytes=1))  # memory only: the same results
    assert same.key == results.key
    with pytest.raises(ValueError, match="chunk_bytes"):
        ResultSettings(chunk_bytes=0)


@pytest.mark.parametrize("damage", ["manifest", "table", "truncated"])
def test_a_damaged_entry_is_computed_again_never_read(tmp_path, damage):
    seeds = make_seeds(tmp_path)
    out = tmp_path / "out"
    first = load_results(seeds, out)
    expected = _plain(first.tokens)
    cache = out / CACHE_FOLDER
    files = sorted((cache / "files").iterdir())
    victim = files[0]
    if damage == "manifest":
        (victim / "manifest.json").write_text("{not json", encoding="utf-8")
    elif damage == "table":
        next(victim.rglob("tokens.parquet")).unlink()
    else:
        tokens = next(victim.rglob("tokens.parquet"))
        tokens.write_bytes(tokens.read_bytes()[:40])
    shutil.rmtree(first.folder)  # the corpus entry too, so the files are read again
    assert not ResultCache(cache).valid(victim)
    again = load_results(seeds, out)
    pd.testing.assert_frame_equal(_plain(again.tokens), expected)
    assert ResultCache(cache).valid(victim)


def test_a_failed_write_leaves_no_entry(tmp_path):
    cache = ResultCache(tmp_path / "cache")

    def fill(folder: Path):
        (folder / "x.parquet").write_bytes(b"half")
        raise RuntimeError("stopped")

    with pytest.raises(RuntimeError):
        cache.write("files", "k", fill)
    assert not cache.entry("files", "k").exists()
    assert not any((tmp_path / "cache" / "files").iterdir())


def test_derived_tables_are_computed_once(seeds, computed):
    results, _ = computed
    calls = []
    table = pd.DataFrame({"term": ["a", "b"], "n": [1, 2]})
    first = results.derived("test_table", lambda: calls.append(1) or table)
    second = results.derived("test_table", lambda: calls.append(1) or table)
    assert calls == [1]
    pd.testing.assert_frame_equal(second, first)


def test_boilerplate_is_found_over_the_whole_corpus(tmp_path):
    seeds = _outlet_seeds(tmp_path)
    results = load_results(seeds, tmp_path / "out")
    expected = load_corpus(seeds)
    assert (expected.boilerplate["text"] == SITE_LINE).sum() == 4
    pd.testing.assert_frame_equal(_plain(results.boilerplate), _plain(expected.boilerplate))
    pd.testing.assert_frame_equal(_plain(results.tokens), _plain(expected.tokens))
    assert not results.tokens["text"].eq("racconta").any()


def test_a_new_file_that_makes_a_line_boilerplate_redoes_the_others(tmp_path, monkeypatch):
    seeds = _outlet_seeds(tmp_path)
    (seeds / "z_extra.txt").unlink()
    (seeds / "z_extra.meta.yaml").unlink()
    out = tmp_path / "out"
    load_results(seeds, out, settings=ResultSettings(boilerplate=BoilerplateSettings(min_documents=4, min_share=0.5)))
    seen = []
    real = results_module.analyze_documents
    monkeypatch.setattr(results_module, "analyze_documents", lambda docs, **kw: seen.append(len(docs)) or real(docs, **kw))
    (seeds / "z_extra.txt").write_text(f"Il prefetto ha firmato.\n{SITE_LINE}\nAltro.\n", encoding="utf-8")
    (seeds / "z_extra.meta.yaml").write_text("outlet: Corriere di Modena\n", encoding="utf-8")
    again = load_results(seeds, out, settings=ResultSettings(boilerplate=BoilerplateSettings(min_documents=4, min_share=0.5)))
    assert sum(seen) == 4  # the feed's three articles lost a line, so they are analysed again
    assert (again.boilerplate["text"] == SITE_LINE).sum() == 4


def test_the_batch_command_writes_the_cached_tables(seeds, tmp_path):
    from analysis.__main__ import main

    assert main(["run", str(seeds), "--out", str(tmp_path), "--no-progress"]) == 0
    assert (tmp_path / CACHE_FOLDER / "corpus").is_dir()
    written = pd.read_parquet(tmp_path / "tokens.parquet")
    assert len(written) == len(load_corpus(seeds).tokens)
    for name in ("attributions", "sentiment", "paragraph_sentiment", "actor_mentions", "names", "term_frequencies"):
        assert (tmp_path / f"{name}.parquet").exists(), name


def test_worker_processes_give_the_same_tables(seeds, computed, tmp_path):
    results, _ = computed
    one_file = tmp_path / "seeds"
    one_file.mkdir()
    # all the articles as records of one file, so that its chunks go to two worker processes
    import json

    docs = load_corpus(seeds).documents
    with open(one_file / "feed.jsonl", "w", encoding="utf-8") as fh:
        for doc_id, text in zip(docs["doc_id"], docs["text"]):
            fh.write(json.dumps({"id": doc_id.replace("/", "_"), "text": text}, ensure_ascii=False) + "\n")
    alone = load_results(one_file, tmp_path / "a", settings=ResultSettings(chunk_bytes=200))
    pooled = load_results(one_file, tmp_path / "b", settings=ResultSettings(chunk_bytes=200, workers=2))
    assert alone.key == pooled.key
    for name in ("tokens", "attributions", "sentiment", "term_frequencies", "documents"):
        pd.testing.assert_frame_equal(_plain(pooled.table(name)), _plain(alone.table(name)), obj=name)
