"""The batch command: per-document pass, corpus-level steps, tables in chunks."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from analysis import load_corpus
from analysis.__main__ import main
from analysis.batch import TableWriter, analysis_steps, plan_partitions, run_local

ARTICLES = {
    "a_roma.txt": (
        "Il sindaco di Roma ha presentato ieri il nuovo piano per i trasporti.\n\n"
        "«Le linee della metropolitana saranno potenziate entro il 2026», ha dichiarato il sindaco. "
        "L’assessore Maria Bianchi ha aggiunto che i lavori costeranno 11,5 milioni di euro."
    ),
    "b_milano.txt": (
        "A Milano il Consiglio comunale ha approvato il bilancio dopo una lunga discussione.\n\n"
        "Secondo l’opposizione il piano è insufficiente: «Mancano investimenti nelle periferie», "
        "ha detto Luca Verdi. Il governo regionale non ha commentato."
    ),
    "c_copia.txt": None,  # same text as a_roma.txt: a duplicate
    "sub/d_napoli.txt": (
        "Napoli, 3 marzo. Il porto di Napoli registra un aumento del traffico merci del 12% rispetto all’anno scorso.\n\n"
        "Il presidente dell’Autorità portuale ha spiegato che la crescita continuerà. "
        "«Siamo soddisfatti dei risultati», ha affermato. Il Governo ha promesso nuovi fondi per il porto."
    ),
    "sub/d_spazi.txt": None,  # a_roma.txt with other whitespace: a loose duplicate
    "sub/e_torino.txt": (
        "Torino ospiterà il vertice europeo sull’energia a giugno. Il governo ha confermato la data.\n"
        "Il ministro ha detto che l’Italia punta sulle rinnovabili."
    ),
}


def make_seeds(root: Path) -> Path:
    """A small multi-file seeds folder with a duplicate, a subfolder, metadata and two bad files."""
    seeds = root / "seeds"
    for name, text in ARTICLES.items():
        path = seeds / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if text is None:
            text = ARTICLES["a_roma.txt"]
            text = text if name == "c_copia.txt" else text.replace(" ", "  ", 3) + "\n"
        path.write_text(text, encoding="utf-8")
    (seeds / "a_roma.meta.yaml").write_text("title: Piano trasporti\noutlet: Agenzia\ndate: 2024-05-02\nsection: città\n",
                                           encoding="utf-8")
    (seeds / "f_vuoto.txt").write_text("   \n", encoding="utf-8")
    (seeds / "g_binario.txt").write_bytes(b"\xff\xfe\x00\x81 non testo")
    return seeds


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> Path:
    return make_seeds(tmp_path_factory.mktemp("batch"))


def read_tables(out: Path, fmt: str = "parquet") -> dict[str, pd.DataFrame]:
    if fmt == "parquet":
        return {p.stem: pd.read_parquet(p) for p in sorted(out.glob("*.parquet"))}
    return {p.stem: pd.read_csv(p, keep_default_na=False, na_values=[""]) for p in sorted(out.glob("*.csv"))}


@pytest.fixture(scope="module")
def local_tables(seeds, tmp_path_factory) -> dict[str, pd.DataFrame]:
    out = tmp_path_factory.mktemp("out_local")
    run_local(seeds, out, progress=False)
    return read_tables(out)


def _plain(df: pd.DataFrame) -> pd.DataFrame:
    """Values only: categories and string dtypes as Python objects, for comparison."""
    return pd.DataFrame({c: df[c].astype(object).where(df[c].notna(), None) for c in df.columns}).reset_index(drop=True)


def test_partitions_cover_every_file_once_in_order(seeds):
    one_each = plan_partitions(seeds, target_bytes=1)
    together = plan_partitions(seeds)
    assert [f for p in one_each for f in p.files] == [f for p in together for f in p.files]
    assert len(one_each) == 8 and len(together) == 1
    assert [p.index for p in one_each] == list(range(8))
    assert not any(f.rel.endswith(".meta.yaml") for p in one_each for f in p.files)
    assert [f.sidecar for f in together[0].files][0] == "a_roma.meta.yaml"
    with pytest.raises(ValueError, match="target_bytes"):
        plan_partitions(seeds, target_bytes=0)


@pytest.mark.parametrize("table", ["paragraphs", "sentences", "tokens"])
def test_text_tables_equal_load_corpus(seeds, local_tables, table):
    corpus = load_corpus(seeds)
    assert len(local_tables[table]) > 0
    pd.testing.assert_frame_equal(_plain(local_tables[table]), _plain(getattr(corpus, table)))


def test_documents_table(seeds, local_tables):
    docs = local_tables["documents"]
    corpus = load_corpus(seeds)
    fixed = [c for c in corpus.documents.columns if c in docs.columns and c != "metadata"]
    assert len(fixed) >= 12
    pd.testing.assert_frame_equal(_plain(docs[fixed]), _plain(corpus.documents[fixed]))
    docs = docs.set_index("doc_id")
    assert docs.loc["c_copia", "duplicate_of"] == "a_roma"
    assert docs.loc["sub/d_spazi", "duplicate_of"] == "a_roma"
    assert docs["duplicate_of"].notna().sum() == 2
    assert docs.loc["a_roma", "title"] == "Piano trasporti"
    assert '"section": "città"' in docs.loc["a_roma", "metadata"]
    assert "section" not in docs.loc["b_milano", "metadata"]


def test_rejected_rows_equal_load_corpus(seeds, local_tables):
    rejected = local_tables["rejected"]
    assert "f_vuoto.txt" in set(rejected["path"])
    pd.testing.assert_frame_equal(_plain(rejected), _plain(load_corpus(seeds).rejected))


def test_offsets_give_the_spans_back(local_tables):
    texts = dict(zip(local_tables["documents"]["doc_id"], local_tables["documents"]["text"]))
    for table in ("sentences", "tokens"):
        df = local_tables[table]
        for doc_id, start, end, text in zip(df["doc_id"], df["start"], df["end"], df["text"]):
            assert texts[doc_id][start:end] == text


def test_partitioning_never_changes_the_tables(seeds, tmp_path, local_tables):
    run_local(seeds, tmp_path / "one_file_each", target_bytes=1, progress=False)
    split = read_tables(tmp_path / "one_file_each")
    assert split.keys() == local_tables.keys()
    for name, df in local_tables.items():
        pd.testing.assert_frame_equal(split[name], df, obj=name)


def test_keyword_tables_equal_the_keywords_module(seeds, tmp_path):
    keywords = pytest.importorskip("analysis.keywords")
    if not hasattr(keywords, "term_frequencies") or "term_frequencies" in analysis_steps().missing:
        pytest.skip("analysis.keywords.term_frequencies is not available")
    corpus = load_corpus(seeds)
    # one file per partition: case merging and n_docs must still be corpus-wide
    run_local(seeds, tmp_path, target_bytes=1, progress=False)
    tables = read_tables(tmp_path)
    expected = keywords.term_frequencies(corpus, names=keywords.entity_mentions(corpus))  # names as one term
    assert len(expected) > 20
    pd.testing.assert_frame_equal(_plain(tables["term_frequencies"]), _plain(expected))
    if hasattr(keywords, "ngrams"):
        pd.testing.assert_frame_equal(_plain(tables["ngrams"]), _plain(keywords.ngrams(corpus, n=2)))


def test_attributions_equal_the_attribution_module(seeds, local_tables):
    attribution = pytest.importorskip("analysis.attribution")
    if "attributions" in analysis_steps().missing:
        pytest.skip(analysis_steps().missing["attributions"])
    expected = attribution.extract_attributions(load_corpus(seeds))
    assert len(expected) >= 3  # the articles quote the mayor, Luca Verdi, the port authority
    pd.testing.assert_frame_equal(_plain(local_tables["attributions"]), _plain(expected))


def test_sentiment_equals_the_sentiment_module(seeds, local_tables):
    sentiment = pytest.importorskip("analysis.sentiment")
    expected = sentiment.sentence_sentiment(load_corpus(seeds))
    assert len(expected) == len(local_tables["sentences"])
    pd.testing.assert_frame_equal(_plain(local_tables["sentiment"]), _plain(expected))


def test_an_analysis_failure_is_a_rejected_row_not_a_crash(seeds, tmp_path, monkeypatch):
    from analysis import batch

    steps = batch.analysis_steps()
    if steps.attribution is None:
        pytest.skip("analysis.attribution is not available")

    real = steps.attribution

    def broken(text, *, doc_id=None, sentences=None, tokens=None):
        if doc_id == "b_milano":
            raise RuntimeError("boom")
        return real(text, doc_id=doc_id, sentences=sentences, tokens=tokens)

    steps.attribution = broken
    steps.attribution_records = None
    monkeypatch.setattr(batch, "analysis_steps", lambda **settings: steps)
    summary = run_local(seeds, tmp_path, progress=False)
    assert summary.n_failed == 1 and "WARNING" in summary.format()
    rejected = pd.read_parquet(tmp_path / "rejected.parquet")
    assert rejected["reason"].str.contains("b_milano: attribution failed (RuntimeError: boom)", regex=False).any()
    assert "b_milano" in set(pd.read_parquet(tmp_path / "tokens.parquet")["doc_id"])  # the rest of it is kept


def test_csv_format_has_the_same_rows(seeds, tmp_path, local_tables):
    run_local(seeds, tmp_path, fmt="csv", target_bytes=1, progress=False)
    tables = read_tables(tmp_path, "csv")
    assert tables.keys() == local_tables.keys()
    for name, df in local_tables.items():
        assert len(tables[name]) == len(df), name
        assert list(tables[name].columns) == list(df.columns), name
    assert list(tables["tokens"]["text"]) == list(local_tables["tokens"]["text"])
    assert list(tables["tokens"]["start"]) == list(local_tables["tokens"]["start"])


def test_table_writer_appends_chunks(tmp_path):
    writer = TableWriter(tmp_path, fmt="parquet")
    chunks = [pd.DataFrame({"a": [i, i + 1], "b": pd.Series([None, "x"], dtype="string")}) for i in range(3)]
    chunks.insert(1, pd.DataFrame({"a": pd.Series([], dtype="int64"), "b": pd.Series([], dtype="string")}))
    for chunk in chunks:
        writer.write("t", chunk)
    writer.write("empty", pd.DataFrame({"x": pd.Series([], dtype="int64")}))
    files = writer.close()
    assert pq.ParquetFile(files["t"]).num_row_groups == 3  # one per non-empty chunk
    got = pd.read_parquet(files["t"])
    assert list(got["a"]) == [0, 1, 1, 2, 2, 3]
    assert list(pd.read_parquet(files["empty"]).columns) == ["x"]

    csv = TableWriter(tmp_path / "csv", fmt="csv")
    for chunk in chunks:
        csv.write("t", chunk)
    path = csv.close()["t"]
    assert path.read_text(encoding="utf-8").count("a,b") == 1  # header once
    assert len(pd.read_csv(path)) == 6


def test_table_writer_rejects_changed_columns_and_bad_format(tmp_path):
    writer = TableWriter(tmp_path)
    writer.write("t", pd.DataFrame({"a": [1]}))
    with pytest.raises(Exception, match="columns changed"):
        writer.write("t", pd.DataFrame({"b": [1]}))
    writer.close()
    with pytest.raises(ValueError, match="format"):
        TableWriter(tmp_path, fmt="xlsx")  # type: ignore[arg-type]


def test_cli_run_prints_a_summary(seeds, tmp_path, capsys):
    assert main(["run", str(seeds), "--out", str(tmp_path), "--no-progress"]) == 0
    printed = capsys.readouterr().out
    n = len(load_corpus(seeds).documents)
    assert f"documents {n} (2 duplicates)" in printed
    assert (tmp_path / "tokens.parquet").exists()


def test_cli_errors_are_clear(tmp_path, capsys):
    assert main(["run", str(tmp_path / "missing"), "--out", str(tmp_path / "o"), "--no-progress"]) == 1
    assert "no such seeds folder" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["run", str(tmp_path), "--out", str(tmp_path), "--workers", "2"])  # needs --engine dask
    with pytest.raises(SystemExit):
        main(["run", str(tmp_path), "--out", str(tmp_path), "--format", "xlsx"])


def test_cli_says_when_nothing_could_be_read(tmp_path, capsys):
    seeds = tmp_path / "articoli"
    seeds.mkdir()
    (seeds / "vuoto.txt").write_bytes(b"")
    (seeds / "vecchio.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    assert main(["run", str(seeds), "--out", str(tmp_path / "tables"), "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert "error: No article could be read from articoli/: all 2 files and records were rejected" in err
    assert "vuoto.txt: empty file" in err and "vecchio.doc: unsupported file type '.doc'" in err
    empty = tmp_path / "nulla"
    empty.mkdir()
    assert main(["run", str(empty), "--out", str(tmp_path / "t2"), "--no-progress", "--format", "csv"]) == 2
    assert "No article in nulla/: the folder is empty." in capsys.readouterr().err
