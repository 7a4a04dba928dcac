# The workbook's commands. Each target sets up .venv/ itself when needed.
#   make report [SEEDS=dir] [OUT=dir]   run every notebook, write figures and HTML reports
#   make test                           code checks, unit tests + every notebook executed on seeds/
#   make check                          code checks only: ruff (lint, import order) and mypy (types)
#   make lab [SEEDS=dir] [OUT=dir]      JupyterLab on notebooks/ (notebooks read SEEDS, write OUT/figures)
#   make app [SEEDS=dir] [PORT=8866]    the explorers (05_explore) as a Voila app
#   make eval                           measure accuracy on ../shared/data (when present)
#   make ablation                       what each attribution reader adds, on every gold set (slow)
#   make run SEEDS=dir OUT=dir          batch analysis of a seeds folder into tables (OUT default: tables/)
#   make bench                          speed and memory benchmark (bench/)
#   make chromium                       install Debian's Chromium for the browser test (as root)
#   make model                          retrain the Italian pipeline from ../shared/data, resuming (hours on 2 cores)
#   make sentiment-model                retrain the sentiment model from ../shared/data and our labels (minutes)
#   make pos-lexicon                    the model's part of speech of each word form, for keyword rankings

PYTHON ?= python3
# The Python the workbook runs on (as pyproject.toml and environment.yml pin it; a test checks).
PYTHON_VERSION := 3.11
VENV   := .venv
PY     := $(VENV)/bin/python
SEEDS  ?= seeds
OUT    ?= .
FORMAT ?= parquet
ENGINE ?= local
PORT   ?= 8866

.PHONY: help report test check lab app eval ablation run bench bench-report venv test-deps chromium clean model sentiment-model pos-lexicon git-filter FORCE
.DEFAULT_GOAL := help

help:
	@sed -n 's/^#   make/   make/p' Makefile

# A .venv made by another Python, or whose Python is gone, is made again (not reused until `make clean`).
VERSION_OF = -c 'import sys; print("%d.%d" % sys.version_info[:2])'
ifneq ($(wildcard $(VENV)/pyvenv.cfg),)
  ifneq ($(shell $(PY) $(VERSION_OF) 2>/dev/null),$(PYTHON_VERSION))
    VENV_STALE := FORCE
  endif
endif
FORCE:

$(VENV)/.installed: pyproject.toml $(VENV_STALE)
	@if [ -e $(VENV) ] && [ "$$($(PY) $(VERSION_OF) 2>/dev/null)" != "$(PYTHON_VERSION)" ]; then \
	  echo "$(VENV) was made by another Python (or its Python is gone): making it again"; rm -rf $(VENV); fi
	@if [ ! -x $(PY) ]; then \
	  found=$$($(PYTHON) $(VERSION_OF) 2>/dev/null); \
	  if [ "$$found" != "$(PYTHON_VERSION)" ]; then \
	    echo "error: '$(PYTHON)' is $${found:+Python }$${found:-not a Python that runs here}; the workbook needs Python $(PYTHON_VERSION): make PYTHON=python$(PYTHON_VERSION) ..." >&2; \
	    exit 1; fi; \
	  $(PYTHON) -m venv $(VENV); fi
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	@$(MAKE) --no-print-directory git-filter
	@touch $@

# Notebook outputs never reach git: .gitattributes sends notebooks through nbstripout
# as they are staged. The command is relative to the checkout, so each clone uses its
# own .venv. Set only in a clone's own .git (a linked worktree shares its main
# checkout's setting, which `make` run there sets).
NBSTRIPOUT := $(VENV)/bin/python -m nbstripout --keep-id
git-filter:
	@if git rev-parse --is-inside-work-tree >/dev/null 2>&1 && \
	   [ "$$(cd "$$(git rev-parse --git-dir)" && pwd -P)" = "$$(cd "$$(git rev-parse --git-common-dir)" && pwd -P)" ]; then \
	  git config filter.nbstripout.clean '$(NBSTRIPOUT)' && \
	  git config filter.nbstripout.smudge cat && \
	  git config diff.ipynb.textconv '$(NBSTRIPOUT) -t'; \
	fi

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

# Code checks (settings in pyproject.toml): ruff's lint rules and import order, mypy's types of src/analysis.
check: $(VENV)/.installed-test
	$(PY) -m ruff check src tests bench training
	$(PY) -m mypy

test: check chromium
	$(PY) -m pytest

# The notebooks read WORKBOOK_SEEDS and WORKBOOK_OUT when their parameters are None
# (analysis.notebooks.workbook_folders); JupyterLab refuses root without --allow-root.
lab: $(VENV)/.installed
	WORKBOOK_SEEDS="$(abspath $(SEEDS))" $(if $(filter command line environment,$(origin OUT)),WORKBOOK_OUT="$(abspath $(OUT))") \
	  $(VENV)/bin/jupyter lab notebooks/ $(if $(filter 0,$(shell id -u)),--allow-root)

# The explorers as a web app: Voila runs notebooks/05_explore.ipynb and shows
# its widgets only (no code). WORKBOOK_SEEDS tells the notebook which folder to read;
# the "workbook" page template (src/analysis/data/voila/) loads nothing from the network.
app: $(VENV)/.installed
	WORKBOOK_SEEDS="$(abspath $(SEEDS))" JUPYTER_PATH="$(CURDIR)/src/analysis/data" \
	  $(VENV)/bin/voila notebooks/05_explore.ipynb --template=workbook --no-browser --port=$(PORT)

eval: $(VENV)/.installed
	$(PY) -m analysis.evaluation

ablation: $(VENV)/.installed
	$(PY) -m analysis.evaluation.ablation

run: $(VENV)/.installed
	$(PY) -m analysis run "$(SEEDS)" --out "$(if $(filter file default,$(origin OUT)),tables,$(OUT))" --format $(FORMAT) --engine $(ENGINE)

bench: $(VENV)/.installed-bench
	$(PY) bench/run_bench.py

# make report twice on SEEDS (nothing cached, then nothing changed): time and peak memory (bench/README.md)
bench-report: $(VENV)/.installed
	OMP_NUM_THREADS=1 $(PY) bench/report_bench.py "$(SEEDS)"

# The Italian pipeline (analysis/data/model), step by step: each step is a file target with its inputs, so an
# interrupted `make model` resumes at the step that did not finish (pretraining resumes at its last epoch).
#   corpora and raw text (UD, KIND, DICE: training/corpus/, ignored) -> floret vectors -> pretrained tok2vec
#   -> syntax pipeline and entity recogniser (training/output/, ignored) -> joined, measured, written to MODEL_DIR.
# Times on a 2-core machine: training/README.md.
MODEL_DIR  := src/analysis/data/model
CORPUS     := training/corpus
TRAIN_OUT  := training/output
SHARED     := ../shared/data
TRAIN_ENV  := OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1
PREPARED   := $(CORPUS)/inputs.json
VECTORS    := $(TRAIN_OUT)/vectors
PRETRAINED := $(TRAIN_OUT)/pretrain/model-last.bin
SYNTAX     := $(TRAIN_OUT)/syntax/model-best
NER        := $(TRAIN_OUT)/ner/model-best

$(PREPARED): training/prepare.py src/analysis/evaluation/splits.py src/analysis/syntax/conllu.py
	$(PY) training/prepare.py --data $(SHARED) --out $(CORPUS)

$(VECTORS)/.done: $(PREPARED) training/vectors.py
	$(TRAIN_ENV) $(PY) training/vectors.py $(CORPUS)/raw-text.txt $(VECTORS)
	@touch $@

$(PRETRAINED): $(VECTORS)/.done training/syntax.cfg training/pretrain.py
	$(TRAIN_ENV) $(PY) training/pretrain.py training/syntax.cfg $(TRAIN_OUT)/pretrain --vectors $(VECTORS)

# spaCy writes model-best at every evaluation, so a run is finished only when its .done stamp exists (an
# interrupted run trains again from the pretrained weights; the steps before it are kept).
$(TRAIN_OUT)/syntax/.done: $(PRETRAINED) training/syntax.cfg
	$(TRAIN_ENV) $(PY) -m spacy train training/syntax.cfg --output $(TRAIN_OUT)/syntax \
	  --paths.vectors $(VECTORS) --paths.init_tok2vec $(PRETRAINED)
	@touch $@

$(TRAIN_OUT)/ner/.done: $(PRETRAINED) training/ner.cfg
	$(TRAIN_ENV) $(PY) -m spacy train training/ner.cfg --output $(TRAIN_OUT)/ner \
	  --paths.vectors $(VECTORS) --paths.init_tok2vec $(PRETRAINED)
	@touch $@

$(MODEL_DIR)/meta.json: $(TRAIN_OUT)/syntax/.done $(TRAIN_OUT)/ner/.done training/assemble.py training/measure.py
	$(PY) training/assemble.py $(SYNTAX) $(NER) $(MODEL_DIR) --inputs $(PREPARED)
	$(PY) training/measure.py $(MODEL_DIR)

# The form -> part-of-speech table keyword rankings read (src/analysis/data/pos/forms.tsv): the model tags
# a million words of DICE training-side news once (training/pos_lexicon.py); derived from the model, so
# made again whenever the model is.
POS_LEXICON := src/analysis/data/pos/forms.tsv
POS_WORDS  := 1000000

$(POS_LEXICON): $(MODEL_DIR)/meta.json training/pos_lexicon.py
	$(TRAIN_ENV) $(PY) training/pos_lexicon.py --data $(SHARED) --model $(MODEL_DIR) --out $@ --max-words $(POS_WORDS)

model: $(VENV)/.installed
	@test -d $(SHARED) || { echo "make model needs the training data in $(SHARED)"; exit 1; }
	$(MAKE) $(MODEL_DIR)/meta.json $(POS_LEXICON)

pos-lexicon: $(VENV)/.installed
	@test -d $(SHARED) || { echo "make pos-lexicon needs the DICE articles in $(SHARED)"; exit 1; }
	$(TRAIN_ENV) $(PY) training/pos_lexicon.py --data $(SHARED) --model $(MODEL_DIR) --out $(POS_LEXICON) --max-words $(POS_WORDS)

# The trained sentiment model (analysis/data/sentiment/model): cross-validation on the training parts
# chooses the decision thresholds, then one fit on every training part (training/sentiment.py says which).
SENTIMENT_MODEL_DIR := src/analysis/data/sentiment/model
sentiment-model: $(VENV)/.installed
	OMP_NUM_THREADS=1 $(PY) training/sentiment.py build --out $(SENTIMENT_MODEL_DIR)

clean:
	rm -rf $(VENV) reports .pytest_cache .hypothesis .mypy_cache .ruff_cache
