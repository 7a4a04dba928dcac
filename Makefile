# The workbook's commands. Each target sets up .venv/ itself when needed.
#   make report [SEEDS=dir] [OUT=dir]   run every notebook, write figures and HTML reports
#   make test                           unit tests + every notebook executed on seeds/
#   make lab                            JupyterLab on notebooks/
#   make app [SEEDS=dir] [PORT=8866]    the explorers (05_explore) as a Voila app
#   make eval                           measure accuracy on ../shared/data (when present)
#   make run SEEDS=dir OUT=dir          batch analysis of a seeds folder into tables (OUT default: tables/)
#   make bench                          speed and memory benchmark (bench/)
#   make chromium                       install Debian's Chromium for the browser test (as root)
#   make model                          retrain the Italian pipeline from ../shared/data (hours on 2 cores)
#   make sentiment-model                retrain the sentiment model from ../shared/data and our labels (minutes)

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
SEEDS  ?= seeds
OUT    ?= .
FORMAT ?= parquet
ENGINE ?= local
PORT   ?= 8866

.PHONY: help report test lab app eval run bench venv test-deps chromium clean model sentiment-model
.DEFAULT_GOAL := help

help:
	@sed -n 's/^#   make/   make/p' Makefile

$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $@

$(VENV)/.installed-bench: $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[bench]'
	@touch $@

venv: $(VENV)/.installed

report: $(VENV)/.installed
	$(PY) -m analysis.report --seeds "$(SEEDS)" --out "$(OUT)"

# Debian's Chromium for the browser test; best effort (the test skips, saying
# why, where it cannot be installed).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ] && \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) ; } \
	  || echo "note: Chromium not installed; the browser test will be skipped"

test: $(VENV)/.installed-test chromium
	$(PY) -m pytest

lab: $(VENV)/.installed
	$(VENV)/bin/jupyter lab notebooks/

# The explorers as a web app: Voila runs notebooks/05_explore.ipynb and shows
# its widgets only (no code). WORKBOOK_SEEDS tells the notebook which folder to read;
# the "workbook" page template (src/analysis/data/voila/) loads nothing from the network.
app: $(VENV)/.installed
	WORKBOOK_SEEDS="$(abspath $(SEEDS))" JUPYTER_PATH="$(CURDIR)/src/analysis/data" \
	  $(VENV)/bin/voila notebooks/05_explore.ipynb --template=workbook --no-browser --port=$(PORT)

eval: $(VENV)/.installed
	$(PY) -m analysis.evaluation

run: $(VENV)/.installed
	$(PY) -m analysis run "$(SEEDS)" --out "$(if $(filter file default,$(origin OUT)),tables,$(OUT))" --format $(FORMAT) --engine $(ENGINE)

bench: $(VENV)/.installed-bench
	$(PY) bench/run_bench.py

# The Italian pipeline (analysis/data/model): corpora from ../shared/data into
# training/corpus/ (ignored); a tok2vec pretrained on the raw text of the
# training sentences, then the syntax pipeline and the entity recogniser
# trained from it into training/output/ (ignored); the two parts joined,
# measured and written over the shipped model.
MODEL_DIR := src/analysis/data/model
PRETRAINED := training/output/pretrain/model11.bin
model: $(VENV)/.installed
	$(PY) training/prepare.py
	rm -rf training/output/pretrain
	$(PY) -m spacy pretrain training/syntax.cfg training/output/pretrain
	$(PY) -m spacy train training/syntax.cfg --output training/output/syntax --paths.init_tok2vec $(PRETRAINED)
	$(PY) -m spacy train training/ner.cfg --output training/output/ner --paths.init_tok2vec $(PRETRAINED)
	$(PY) training/assemble.py training/output/syntax/model-best training/output/ner/model-best $(MODEL_DIR)
	$(PY) training/measure.py $(MODEL_DIR)

# The trained sentiment model (analysis/data/sentiment/model): cross-validation on the training parts
# chooses the decision thresholds, then one fit on every training part (training/sentiment.py says which).
SENTIMENT_MODEL_DIR := src/analysis/data/sentiment/model
sentiment-model: $(VENV)/.installed
	OMP_NUM_THREADS=1 $(PY) training/sentiment.py build --out $(SENTIMENT_MODEL_DIR)

clean:
	rm -rf $(VENV) reports .pytest_cache .hypothesis
