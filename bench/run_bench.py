"""Speed and memory benchmark of the batch analysis (a script, not a test).

Builds a large corpus of real, varied Italian sentences, writes it as seed
files in a temporary folder (outside the project, deleted at the end) and
measures, on that corpus:

1. one core: the full batch analysis (``analysis.batch.run_local``: reading,
   pipeline, attribution, sentiment, term and n-gram totals, parquet tables)
   against spaCy's ``blank("it")`` tokenizer alone over the same texts, several
   rounds, in words per second (words = whitespace-separated words, counted
   the same way for both);
2. the full analysis against the workbook's own Italian spaCy pipeline
   (tok2vec, morphologizer, parser, NER: spaCy's small CPU architecture) run
   over the same text, as anyone parsing the corpus would (the analysis parses
   only sentences that may hold an attribution);
3. peak resident memory of ``python -m analysis run`` on a bigger corpus
   (5 million words by default), in a child process;
4. the Dask engine with 2 workers against the local engine on that corpus,
   wall clock of ``python -m analysis run`` in child processes (cluster
   start-up included);
5. a pyinstrument profile of the one-core run, top functions by own time;
6. sentence sentiment alone (``analysis.sentiment.sentence_sentiment``)
   with each analyzer, the lexicon and the trained model, on the same
   fixed text (words per second, corpus loading not timed, fresh caches).

Sentences come from ``../shared/data`` (CheckThat! subjectivity, SENTIPOLC,
UD Italian ISDT, KIND Wikinews), read in memory at run time and never copied
into the project; without that folder the seed articles are used. Articles are
random draws of 8–40 sentences in paragraphs of 1–4, so every article is a new
combination even when sentences repeat (the pool has about 15,000 sentences).

    .venv/bin/python bench/run_bench.py                 # everything (a few minutes)
    .venv/bin/python bench/run_bench.py --words 200000 --memory-words 0 --dask-workers 0
"""
from __future__ import annotations

import argparse
import csv
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from analysis.paths import SEEDS_DIR, SHARED_DATA_DIR  # noqa: E402

PY = sys.executable


# --------------------------------------------------------------------------
# The corpus
# --------------------------------------------------------------------------

def _checkthat(folder: Path) -> list[str]:
    out = []
    for name in ("train_it.tsv", "dev_it.tsv"):
        path = folder / name
        if path.exists():
            with open(path, encoding="utf-8", newline="") as fh:
                rows = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
                next(rows, None)
                out += [r[1] for r in rows if len(r) > 1]
    return out


def _sentipolc(folder: Path) -> list[str]:
    path = folder / "sentipolc16_officialdistrib_train.csv"
    if not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh)
        next(rows, None)
        return [r[-1] for r in rows if r]


def _ud(folder: Path) -> list[str]:
    path = folder / "it_isdt-ud-dev.conllu"
    if not path.exists():
        return []
    return [line[9:].strip() for line in open(path, encoding="utf-8") if line.startswith("# text = ")]


_NO_SPACE_BEFORE = re.compile(r" ([,.;:!?)\]»])")
_NO_SPACE_AFTER = re.compile(r"([(\[«]|\b\w+['’]) ")


def _kind(folder: Path) -> list[str]:
    path = folder / "evalita-2023_WN_dev.tsv"
    if not path.exists():
        return []
    out, words = [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip():
            if words:
                text = " ".join(words)
                out.append(_NO_SPACE_AFTER.sub(r"\1", _NO_SPACE_BEFORE.sub(r"\1", text)))
            words = []
        else:
            words.append(line.split("\t")[0])
    return out


def sentence_pool() -> tuple[list[str], str]:
    """Real Italian sentences and where they come from."""
    if SHARED_DATA_DIR.is_dir():
        sources = {
            "CheckThat!": _checkthat(SHARED_DATA_DIR / "checkthat-subjectivity-it"),
            "SENTIPOLC": _sentipolc(SHARED_DATA_DIR / "sentipolc16"),
            "UD ISDT": _ud(SHARED_DATA_DIR / "ud-italian-isdt"),
            "KIND": _kind(SHARED_DATA_DIR / "kind-wikinews"),
        }
        pool = [s.strip() for v in sources.values() for s in v if s.strip()]
        if pool:
            return pool, ", ".join(f"{k} {len(v):,}" for k, v in sources.items())
    from analysis import load_corpus

    corpus = load_corpus(SEEDS_DIR)
    return list(corpus.sentences["text"]), f"seed articles ({len(corpus.sentences)} sentences)"


def build_articles(pool: list[str], words: int, *, seed: int = 0) -> list[str]:
    """Articles of 8–40 random sentences in paragraphs of 1–4, until ``words`` words."""
    rng = random.Random(seed)
    articles, total = [], 0
    while total < words:
        sentences = [rng.choice(pool) for _ in range(rng.randint(8, 40))]
        paragraphs, i = [], 0
        while i < len(sentences):
            k = rng.randint(1, 4)
            paragraphs.append(" ".join(sentences[i:i + k]))
            i += k
        text = "\n\n".join(paragraphs) + "\n"
        articles.append(text)
        total += len(text.split())
    return articles


def build_unique_articles(pool: list[str], *, seed: int = 0) -> list[str]:
    """Every pool sentence exactly once, shuffled into articles (no sentence repeats)."""
    rng = random.Random(seed)
    order = list(dict.fromkeys(pool))
    rng.shuffle(order)
    articles, i = [], 0
    while i < len(order):
        k = rng.randint(8, 40)
        sentences, i = order[i:i + k], i + k
        paragraphs = [" ".join(sentences[j:j + 3]) for j in range(0, len(sentences), 3)]
        articles.append("\n\n".join(paragraphs) + "\n")
    return articles


def write_seeds(articles: list[str], folder: Path) -> int:
    """One file per article, 1,000 per subfolder; returns the number of words."""
    words = 0
    for i, text in enumerate(articles):
        path = folder / f"{i // 1000:04d}" / f"art{i:07d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


# --------------------------------------------------------------------------
# Measurements
# --------------------------------------------------------------------------

def time_spacy(articles: list[str]) -> float:
    import spacy

    nlp = spacy.blank("it")
    start = time.perf_counter()
    for doc in nlp.tokenizer.pipe(articles, batch_size=256):
        len(doc)
    return time.perf_counter() - start


def time_pipeline(articles: list[str]) -> float:
    """Seconds for the workbook's Italian spaCy pipeline (tok2vec, morphologizer, parser, NER: spaCy's
    small CPU architecture) over every article, as a user of such a pipeline would run it."""
    from analysis.syntax import load_nlp

    nlp = load_nlp()
    nlp.max_length = max(nlp.max_length, max(len(a) for a in articles) + 1)
    start = time.perf_counter()
    for doc in nlp.pipe(articles, batch_size=32):
        len(doc)
    return time.perf_counter() - start


def clear_caches() -> int:
    """Empty the per-word and per-sentence caches of the analysis modules (not their data loaders).

    Sentences repeat in the benchmark corpus (a pool of ~13,000), so without
    this a second round would find every sentence's sentiment already cached.
    """
    import functools

    n = 0
    if "analysis.sentiment.scorer" in sys.modules:  # the default scorer's analyses, scores and model names
        scorer = sys.modules["analysis.sentiment.scorer"].default_scorer()
        scorer.clear_cache()
        scorer.parser.clear()
        n += 1
    if "analysis.textblob_it.names" in sys.modules:
        sys.modules["analysis.textblob_it.names"].default_parser().clear()
        n += 1
    for name, module in list(sys.modules.items()):
        if not name.startswith("analysis") or module is None:
            continue
        for obj in list(vars(module).values()):
            params = getattr(obj, "cache_parameters", None)
            if callable(params) and isinstance(obj, functools._lru_cache_wrapper):
                size = params().get("maxsize")
                if size is not None and size > 8:
                    obj.cache_clear()
                    n += 1
            elif (not isinstance(obj, type) and callable(getattr(obj, "cache_clear", None))
                  and isinstance(getattr(obj, "maxsize", None), int) and obj.maxsize > 8):
                obj.cache_clear()  # a bounded cache object (the sentence scores of analysis.sentiment)
                n += 1
    return n


def time_ours(seeds: Path, out: Path, partition_bytes: int) -> tuple[float, object]:
    from analysis.batch import run_local

    clear_caches()
    start = time.perf_counter()
    summary = run_local(seeds, out, target_bytes=partition_bytes, progress=False)
    return time.perf_counter() - start, summary


def time_sentiment(articles: list[str], analyzer: str) -> float:
    """Seconds of ``sentence_sentiment`` with ``analyzer`` over ``articles`` (loaded beforehand, fresh scorer).

    The model and the lexicon are loaded before timing (once per process, as
    in any real run); every analysis and score cache starts empty.
    """
    from analysis import corpus_from_texts
    from analysis.sentiment import SentimentScorer, sentence_sentiment

    corpus = corpus_from_texts({f"d{k}": a for k, a in enumerate(articles)})
    warm = SentimentScorer(analyzer=analyzer)
    warm.score_many(["Una frase per caricare il lessico e il modello."])
    scorer = SentimentScorer(analyzer=analyzer)
    start = time.perf_counter()
    sentence_sentiment(corpus, scorer=scorer)
    return time.perf_counter() - start


def run_cli_measured(args: list[str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS in MB (the child's own, from ``os.wait4``) and output of
    ``python -m analysis ARGS`` run in a child process."""
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as so, tempfile.TemporaryFile("w+") as se:
        proc = subprocess.Popen([PY, "-m", "analysis", *args], stdout=so, stderr=se, cwd=ROOT, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        so.seek(0)
        se.seek(0)
        out, err = so.read(), se.read()
    if proc.returncode != 0:
        raise RuntimeError(f"analysis run failed ({proc.returncode}):\n{err[-2000:]}")
    return seconds, usage.ru_maxrss / 1024, out


def profile(seeds: Path, out: Path, partition_bytes: int, lines: int) -> str:
    from pyinstrument import Profiler
    from pyinstrument.renderers import ConsoleRenderer

    from analysis.batch import run_local

    profiler = Profiler(interval=0.002)
    profiler.start()
    run_local(seeds, out, target_bytes=partition_bytes, progress=False)
    profiler.stop()
    flat = profiler.output(ConsoleRenderer(flat=True, unicode=False, color=False, time="percent_of_total"))
    return "\n".join(flat.splitlines()[: lines + 8])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--words", type=int, default=1_000_000, help="words of the one-core comparison corpus")
    ap.add_argument("--rounds", type=int, default=3, help="rounds of the one-core comparison")
    ap.add_argument("--memory-words", type=int, default=5_000_000, help="words of the peak-memory run (0: skip)")
    ap.add_argument("--dask-workers", type=int, default=2,
                    help="workers of the Dask comparison, run on the peak-memory corpus (0: skip)")
    ap.add_argument("--profile-words", type=int, default=200_000, help="words of the profiled run (0: skip)")
    ap.add_argument("--pipeline-words", type=int, default=200_000,
                    help="words of the comparison with a full spaCy pipeline (tagger, parser, NER) (0: skip)")
    ap.add_argument("--sentiment-words", type=int, default=100_000,
                    help="words of the sentence-sentiment comparison of the two analyzers (0: skip)")
    ap.add_argument("--partition-mb", type=float, default=1.0,
                    help="seed text per partition, MB, for the local engine (Dask picks ~6 partitions per worker)")
    args = ap.parse_args(argv)
    part_bytes = int(args.partition_mb * 1_000_000)

    pool, origin = sentence_pool()
    print(f"sentence pool: {len(pool):,} sentences ({origin})")
    with tempfile.TemporaryDirectory(prefix="analysis-bench-") as tmp:
        tmp = Path(tmp)
        articles = build_articles(pool, args.words, seed=1)
        words = write_seeds(articles, tmp / "seeds")
        print(f"one-core corpus: {len(articles):,} articles, {words:,} words, "
              f"{sum(len(a.encode()) for a in articles) / 1e6:.1f} MB")

        ours, theirs = [], []
        summary = None
        for r in range(args.rounds):
            t_spacy = time_spacy(articles)
            t_ours, summary = time_ours(tmp / "seeds", tmp / f"out{r}", part_bytes)
            theirs.append(words / t_spacy)
            ours.append(words / t_ours)
            print(f"  round {r + 1}: full analysis {ours[-1]:>10,.0f} words/s | spaCy blank('it') tokenizer "
                  f"{theirs[-1]:>10,.0f} words/s | ratio {ours[-1] / theirs[-1]:.2f}")
        if summary is not None:
            print("  tables:", ", ".join(f"{k} {v:,}" for k, v in summary.rows.items()))
            if summary.skipped:
                print("  NOT measured (module missing):", "; ".join(f"{k}: {v}" for k, v in summary.skipped.items()))
        med_o, med_t = statistics.median(ours), statistics.median(theirs)
        print(f"one core, median of {args.rounds}: ours {med_o:,.0f} words/s, spaCy tokenizer {med_t:,.0f} words/s, "
              f"ratio {med_o / med_t:.2f} (target >= 1.0, goal 1.5)")

        if args.pipeline_words:
            # The full analysis against running a small-architecture spaCy pipeline (tagger + parser + NER) over
            # the same text: ours parses only the sentences that may hold an attribution.
            few = build_articles(pool, args.pipeline_words, seed=5)
            p_words = write_seeds(few, tmp / "seeds_pipeline")
            load_pipeline = time.perf_counter()
            time_pipeline(few[:1])  # load the model once, outside the timing
            load_pipeline = time.perf_counter() - load_pipeline
            t_pipe = time_pipeline(few)
            t_ours, _ = time_ours(tmp / "seeds_pipeline", tmp / "out_pipeline", part_bytes)
            print(f"full analysis vs spaCy pipeline (tok2vec, morphologizer, parser, NER) on {p_words:,} words: "
                  f"ours {p_words / t_ours:,.0f} words/s, pipeline {p_words / t_pipe:,.0f} words/s, "
                  f"ratio {t_pipe / t_ours:.2f} (target >= 2.0; model load {load_pipeline:.1f} s, not timed)")

        if args.sentiment_words:
            fixed = build_articles(pool, args.sentiment_words, seed=6)
            n = sum(len(a.split()) for a in fixed)
            speeds = {name: n / time_sentiment(fixed, name) for name in ("lexicon", "trained")}
            print(f"sentence_sentiment on {n:,} words (one core, fresh caches): "
                  + ", ".join(f"{name} {v:,.0f} words/s" for name, v in speeds.items())
                  + f"; the trained model takes {speeds['lexicon'] / speeds['trained']:.2f}x the lexicon's time")

        unique = build_unique_articles(pool, seed=4)
        u_words = write_seeds(unique, tmp / "seeds_unique")
        t_spacy = min(time_spacy(unique) for _ in range(2))
        t_ours, _ = time_ours(tmp / "seeds_unique", tmp / "out_unique", part_bytes)
        print(f"no repeated sentence ({u_words:,} words, caches emptied): ours {u_words / t_ours:,.0f} words/s, "
              f"spaCy tokenizer {u_words / t_spacy:,.0f} words/s, ratio {t_spacy / t_ours:.2f}")

        if args.profile_words:
            small = build_articles(pool, args.profile_words, seed=2)
            write_seeds(small, tmp / "seeds_profile")
            print(f"profile ({args.profile_words:,} words, own time per function):")
            print(profile(tmp / "seeds_profile", tmp / "out_profile", part_bytes, 25))

        # The scale runs: the command itself in child processes, on the big corpus
        # (or the one-core corpus when --memory-words 0).
        if args.memory_words or args.dask_workers:
            if args.memory_words:
                seeds = tmp / "seeds_big"
                n_words = write_seeds(build_articles(pool, args.memory_words, seed=3), seeds)
            else:
                seeds, n_words = tmp / "seeds", words
            common = ["run", str(seeds), "--no-progress"]
            t_local, rss, _ = run_cli_measured([*common, "--out", str(tmp / "cli_local"),
                                                "--partition-mb", str(args.partition_mb)])
            print(f"local engine, python -m analysis run on {n_words:,} words: {t_local:.1f} s "
                  f"({n_words / t_local:,.0f} words/s), peak RSS {rss:,.0f} MB (target <= 1024 MB for 5M words)")
            if args.dask_workers:
                shutil.rmtree(tmp / "cli_local", ignore_errors=True)
                t_dask, rss_client, _ = run_cli_measured([*common, "--out", str(tmp / "cli_dask"), "--engine", "dask",
                                                          "--workers", str(args.dask_workers)])
                print(f"dask engine, {args.dask_workers} workers: {t_dask:.1f} s ({n_words / t_dask:,.0f} words/s), "
                      f"speed-up {t_local / t_dask:.2f}x over the local engine (target >= 1.6x; wall clock, "
                      f"cluster start-up included, {os.cpu_count()} cores); client peak RSS {rss_client:,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
