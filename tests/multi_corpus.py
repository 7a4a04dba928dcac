"""A small corpus of several outlets over four weeks, written for the tests.

Twelve short articles from three invented outlets, dated over four weeks of
June 2024, built from sentences of the seed article and from our own short
texts. The metadata arrives the three ways a researcher may supply it: a
``.meta.yaml`` sidecar beside a ``.txt``, YAML front matter in a ``.md``, and
fields of ``.jsonl`` records. :func:`expected` lists what each article is, so
tests can count from it rather than from the analysis under test.
"""
from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from pathlib import Path

from analysis import load_corpus
from analysis.paths import SEEDS_DIR

OUTLETS = ("Gazzetta del Lago", "Radio Colle", "Agenzia Aurora")

#: Our own sentences: speaker, cue and what they said (the speakers are invented).
OWN = {
    "neri": "La ministra Anna Neri ha dichiarato: «Il bilancio dello Stato è solido e la crescita continua».",
    "gialli": "Il sindaco Paolo Gialli ha detto: «La città è pronta ad accogliere il vertice sul bilancio».",
    "bianchi": "\"Il governo ha fallito sul bilancio e sulle pensioni\", ha affermato Mario Bianchi, portavoce dell'opposizione.",
    "blu": "La consigliera Sara Blu ha spiegato che il bilancio comunale sarà approvato entro luglio.",
    "neri2": "La ministra Anna Neri ha aggiunto: «Le pensioni non saranno tagliate e il bilancio resterà in ordine».",
    "weather": "A Roma il cielo è rimasto sereno per tutta la giornata e le temperature sono salite.",
    "traffic": "Il traffico sulla tangenziale è stato intenso nelle ore di punta, con lunghe code all'ingresso della città.",
}


@lru_cache(maxsize=1)
def seed_sentences() -> list[str]:
    """The seed article's sentences, in order (our source of real news sentences)."""
    return [str(s).strip() for s in load_corpus(SEEDS_DIR).sentences["text"]]


def _articles() -> list[dict]:
    seed = seed_sentences()
    plan = [
        # (outlet, date, parts)
        (0, "2024-06-03", ["neri", "weather", seed[0]]),
        (1, "2024-06-04", ["bianchi", "traffic"]),
        (2, "2024-06-06", [seed[0], seed[1], seed[2]]),
        (0, "2024-06-10", ["gialli", "blu", "traffic"]),
        (0, "2024-06-12", ["neri2", "bianchi"]),
        (2, "2024-06-13", [seed[3], seed[4], "neri"]),
        (0, "2024-06-17", [seed[5], seed[6], "weather"]),
        (1, "2024-06-18", ["blu", "gialli", "neri"]),
        (2, "2024-06-19", [seed[7], seed[8], "bianchi"]),
        (0, "2024-06-24", ["neri2", "traffic", seed[9]]),
        (1, "2024-06-25", [seed[10], "weather"]),
        (2, "2024-06-27", ["gialli", seed[11], "blu"]),
    ]
    articles = []
    for n, (outlet, date, parts) in enumerate(plan):
        paragraphs = [OWN.get(p, p) for p in parts]
        articles.append({
            "name": f"art{n:02d}",
            "outlet": OUTLETS[outlet],
            "date": date,
            "title": f"Notizie del {date} ({OUTLETS[outlet]})",
            "text": "\n\n".join(paragraphs) + "\n",
        })
    return articles


def expected() -> list[dict]:
    """Every article: name, outlet, date, title, text."""
    return _articles()


def write_multi_corpus(folder: Path) -> Path:
    """Write the twelve articles into ``folder`` (created); return it.

    Articles 0–5 are ``.txt`` files with a ``.meta.yaml`` sidecar, 6–8 are
    ``.md`` files with front matter, 9–11 are records of one ``.jsonl`` file.
    """
    folder.mkdir(parents=True, exist_ok=True)
    records = []
    for n, art in enumerate(expected()):
        meta = f"title: \"{art['title']}\"\ndate: {art['date']}\noutlet: {art['outlet']}\nlanguage: it\n"
        if n < 6:
            (folder / f"{art['name']}.txt").write_text(art["text"], encoding="utf-8")
            (folder / f"{art['name']}.meta.yaml").write_text(meta, encoding="utf-8")
        elif n < 9:
            (folder / f"{art['name']}.md").write_text(f"---\n{meta}---\n{art['text']}", encoding="utf-8")
        else:
            records.append({"text": art["text"], "title": art["title"], "date": art["date"], "outlet": art["outlet"], "id": art["name"]})
    with (folder / "zz_records.jsonl").open("w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return folder


#: Where the articles of :func:`years_articles` are set: each outlet's articles differ by place.
CITIES = ("Roma", "Milano", "Napoli", "Torino", "Palermo", "Genova", "Bologna", "Firenze", "Bari", "Catania",
          "Venezia", "Verona", "Messina", "Padova", "Trieste", "Brescia", "Parma", "Taranto", "Prato", "Modena")


def years_articles() -> list[dict]:
    """Fifty articles of the three outlets over five years (2019–2023), one every 38 days; the last two undated.

    Each outlet leans on its own speakers (the Gazzetta on the minister, Radio
    Colle on the opposition, Aurora on the city); every paragraph names the
    article's own city, so no line repeats as a website's furniture would.
    """
    seed = seed_sentences()
    lean = {0: ["neri", "neri2", "weather"], 1: ["bianchi", "traffic", "blu"], 2: ["gialli", "blu", "traffic"]}
    start = dt.date(2019, 1, 15)
    articles = []
    for n in range(50):
        outlet, k = n % 3, n // 3
        city = CITIES[k % len(CITIES)]
        parts = [f"Da {city}. " + OWN[lean[outlet][k % 3]], seed[n % len(seed)],
                 f"Ancora da {city}. " + OWN[lean[outlet][(k + 1) % 3]]]
        day = (start + dt.timedelta(days=38 * n)).isoformat() if n < 48 else None
        articles.append({"name": f"y{n:02d}", "outlet": OUTLETS[outlet], "date": day, "text": "\n\n".join(parts) + "\n"})
    return articles


def write_years_corpus(folder: Path) -> Path:
    """Write :func:`years_articles` as one ``.jsonl`` file into ``folder`` (created); return it."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "years.jsonl").open("w", encoding="utf-8") as fh:
        for art in years_articles():
            record = {"id": art["name"], "outlet": art["outlet"], "text": art["text"]}
            if art["date"]:
                record["date"] = art["date"]
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return folder
