"""How fast the explorers answer on a corpus of 1,000 articles.

    python bench/explore_bench.py [--articles 1000] [--seed 7]

Writes a corpus of N articles (sentences of the seed article and short
texts of our own, mixed at random, from six outlets over a year, with a
``.meta.yaml`` sidecar each) to a temporary folder, loads it, builds the
explorers' index once (timed), then times each kind of interaction the way
the widgets run it, in the same Python process, without a browser:

* reader: pick a document (article markup, attribution table);
* word: type a word or phrase (occurrences, KWIC lines, dispersion figure,
  collocates);
* open line: pick a KWIC line (the reader redraws with the word framed);
* speaker: pick a speaker (attributions, vocabulary, who else).

Prints the median and the slowest time of each. The numbers in
bench/README.md come from this script.
"""
from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from analysis import load_corpus
from analysis.explore import build_index, explorer
from analysis.paths import SEEDS_DIR

OUTLETS = ["Gazzetta del Lago", "Radio Colle", "Agenzia Aurora", "Il Corriere di Valle", "Notizie del Porto", "La Voce del Borgo"]
OWN = [
    "La ministra Anna Neri ha dichiarato: «Il bilancio dello Stato è solido e la crescita continua».",
    "Il sindaco Paolo Gialli ha detto: «La città è pronta ad accogliere il vertice sul bilancio».",
    "\"Il governo ha fallito sul bilancio e sulle pensioni\", ha affermato Mario Bianchi, portavoce dell'opposizione.",
    "La consigliera Sara Blu ha spiegato che il bilancio comunale sarà approvato entro luglio.",
    "Secondo l'agenzia Ansa, il presidente della regione Luca Verdi ha annunciato nuovi fondi per la sanità.",
    "«Non accetteremo tagli alla scuola», ha dichiarato la sindacalista Giulia Rossi.",
    "A Roma il cielo è rimasto sereno per tutta la giornata e le temperature sono salite.",
    "Il traffico sulla tangenziale è stato intenso nelle ore di punta, con lunghe code all'ingresso della città.",
    "Il portavoce della Commissione europea ha riferito che il piano sarà presentato a Bruxelles.",
]
FIRST = ["Marco", "Giulia", "Luca", "Chiara", "Paolo", "Elena", "Stefano", "Francesca", "Andrea", "Silvia",
         "Giorgio", "Marta", "Roberto", "Laura", "Davide", "Sara", "Matteo", "Anna", "Fabio", "Valeria"]
LAST = ["Ferri", "Galli", "Conti", "Marini", "Costa", "Fontana", "Moretti", "Barbieri", "Lombardi", "Caruso",
        "Rinaldi", "Testa", "Villa", "Serra", "Pellegrini", "Farina", "Sala", "Monti", "Gatti", "Leone"]
CLAIMS = ["il bilancio non regge", "la sanità ha bisogno di nuovi fondi", "le pensioni saranno difese",
          "la città merita più trasporti", "il governo ascolterà i sindaci", "la scuola resta una priorità",
          "i conti pubblici sono in ordine", "la crisi energetica non è finita"]
VERBS = ["ha dichiarato", "ha detto", "ha affermato", "ha spiegato"]
WORDS = ["bilancio", "Corea del Nord", "missile", "pensioni", "governo", "Putin", "città", "sanità", "il", "ha detto"]


def write_corpus(folder: Path, n: int, seed: int) -> Path:
    rng = random.Random(seed)
    sentences = [str(s) for s in load_corpus(SEEDS_DIR).sentences["text"]]
    pool = sentences + OWN
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        paragraphs = rng.sample(pool, rng.randint(8, 16))
        for _ in range(rng.randint(2, 5)):  # quotes of a few hundred different people
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            quote = f"«{rng.choice(CLAIMS).capitalize()}», {rng.choice(VERBS)} {name}."
            paragraphs.insert(rng.randrange(len(paragraphs) + 1), quote)
        day = 1 + rng.randrange(365)
        date = time.strftime("%Y-%m-%d", time.gmtime(time.mktime((2024, 1, 1, 12, 0, 0, 0, 0, 0)) + (day - 1) * 86400))
        (folder / f"a{i:04d}.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        (folder / f"a{i:04d}.meta.yaml").write_text(
            f'title: "Articolo {i}"\ndate: {date}\noutlet: {rng.choice(OUTLETS)}\nlanguage: it\n', encoding="utf-8")
    return folder


def timed(action, repeat: list) -> list[float]:
    out = []
    for arg in repeat:
        t0 = time.perf_counter()
        action(arg)
        out.append(time.perf_counter() - t0)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_corpus(Path(tmp) / "seeds", args.articles, args.seed)
        t0 = time.perf_counter()
        corpus = load_corpus(folder)
        t_load = time.perf_counter() - t0
        t0 = time.perf_counter()
        index = build_index(corpus)
        t_index = time.perf_counter() - t0
        t0 = time.perf_counter()
        app = explorer(index)
        t_app = time.perf_counter() - t0
    words = len(corpus.tokens)
    print(f"{len(index.documents)} articles, {words:,} tokens, {len(index.attributions):,} attributions, "
          f"{len(index.speakers)} speakers")
    print(f"load_corpus {t_load:.1f} s; build_index (once) {t_index:.1f} s; explorer widgets {t_app:.2f} s")

    docs = rng.sample(list(index.documents["doc_id"]), 30)
    results = {
        "reader: pick a document": timed(lambda d: setattr(app.reader.picker, "value", d), docs),
        "word: type a word or phrase": timed(lambda w: setattr(app.words.query, "value", w), WORDS),
    }

    def open_line(i: int) -> None:
        app.words.lines.value = i

    app.words.query.value = "bilancio"
    lines = rng.sample(range(len(app.words.kwic)), min(20, len(app.words.kwic)))
    results["open a KWIC line in the reader"] = timed(open_line, lines)
    results["speaker: pick a speaker"] = timed(lambda s: setattr(app.speakers.picker, "value", s), index.speakers[1:] + index.speakers[:1])
    print(f"{'interaction':36} {'n':>4} {'median':>9} {'slowest':>9}")
    for name, times in results.items():
        print(f"{name:36} {len(times):4d} {statistics.median(times) * 1000:7.0f} ms {max(times) * 1000:7.0f} ms")


if __name__ == "__main__":
    main()
