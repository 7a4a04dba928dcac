"""Property tests: load_corpus never raises on arbitrary bytes, and offsets always round-trip."""
from __future__ import annotations

import codecs
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import corpus_from_texts, load_corpus
from loader_helpers import assert_offsets_round_trip

SUFFIXES = [".txt", ".md", ".jsonl", ".csv", ".html", ".htm", ".meta.yaml", ""]
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

names = st.text(alphabet="abcxyzàè_-. ", min_size=1, max_size=8).map(str.strip).filter(lambda n: n not in ("", ".", ".."))
# Bytes that look like the messy files real folders hold, plus pure noise.
fragments = st.sampled_from([
    b"", b"\n", b"\r\n", b"\x00", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, b"---\n", b"title: [x\n",
    b'{"text": "', b'"}\n', b"text,title\n", b'"', b",", b";", b"<p>", b"</p>", b"<script>", b"<br>",
    "Il governo ha detto “sì”. ".encode("utf-8"), "Città è già lì.".encode("cp1252"), b"\x89PNG\r\n\x1a\n",
    b"\xff\xfe\x00", b"\x80\x81\x9d",
])
contents = st.one_of(st.binary(max_size=300), st.lists(fragments, max_size=12).map(b"".join))
files = st.dictionaries(st.tuples(names, st.sampled_from(SUFFIXES)).map("".join), contents, min_size=1, max_size=5)


@SETTINGS
@given(files=files)
def test_load_corpus_never_raises_and_never_loses_a_file(files):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        written = set()
        for name, data in files.items():
            path = root / name
            if path.exists():
                continue
            path.write_bytes(data)
            written.add(name)
        corpus = load_corpus(root)
        assert_offsets_round_trip(corpus)
        seen = set(corpus.documents["path"]) | set(corpus.rejected["path"].str.rstrip("/"))
        sidecars = {n for n in written if n.endswith(".meta.yaml")}
        # every file is a document or a rejection; a used sidecar is neither
        assert written - sidecars <= seen
        assert corpus.documents["doc_id"].is_unique
        assert corpus.rejected["reason"].str.len().min() > 0 if len(corpus.rejected) else True


pieces = st.sampled_from(
    list("abcèéò ABC.,;:!?«»“”’'\"-–…()\n\t0123456789%€\u00a0")
    + ["l’", "dell'", "Sig. ", "\n\n", "U.S.A.", "11.000", "2,5%", "Kim Jong Un", "Russia-Ucraina", " ... "]
)
texts = st.lists(st.one_of(pieces, st.text(max_size=3)), max_size=80).map("".join)


@SETTINGS
@given(text=texts)
def test_offsets_round_trip_for_any_text(text):
    corpus = corpus_from_texts({"d": text})
    assert_offsets_round_trip(corpus)
    starts = corpus.sentences["start"].tolist()
    assert starts == sorted(starts)


@SETTINGS
@given(text=texts.filter(lambda t: t.strip()), crlf=st.booleans(), codec=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
def test_offsets_round_trip_through_files(text, crlf, codec):
    data = (text.replace("\n", "\r\n") if crlf else text).encode(codec, "replace")
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "a.txt").write_bytes(data)
        corpus = load_corpus(tmp)
        assert_offsets_round_trip(corpus)
        if len(corpus.documents):
            assert "\r" not in corpus.documents["text"].iloc[0]
