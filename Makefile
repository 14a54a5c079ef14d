# 暖流助手: `make run` and `make test` do all set-up (venv, database, model) on a fresh clone.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Rasa Open Source 3.6 needs Python < 3.11: the first candidate that really runs as 3.10
# (python3.10 on PATH may be a pyenv shim for a version that is not active), else pyenv's newest 3.10.
PYTHON310 ?= $(shell for p in $$(command -v python3.10) \
  $$(ls -d $$(pyenv root 2>/dev/null || echo $$HOME/.pyenv)/versions/3.10.*/bin/python 2>/dev/null | sort -V -r); do \
  "$$p" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' 2>/dev/null && { echo "$$p"; break; }; done)
VENV := .venv
PY := $(VENV)/bin/python
RASA := $(VENV)/bin/rasa
DB := build/measures.db
JIEBA_DICT := build/jieba/nuanliu.txt
MODEL := models/nuanliu.tar.gz
LOG := build/unanswered.db
RASA_PORT ?= 5005
ACTION_PORT ?= 5055
LOOKUP_PORT ?= 8001

export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export PYTHONDONTWRITEBYTECODE := 1

MEASURE_INPUTS := $(wildcard data/measures/*.yml data/policy/*.txt) data/facts.yml data/groups.yml $(wildcard bot/*.py)
MODEL_INPUTS := config.yml domain.yml data/scope.yml data/fact_patterns.yml $(wildcard components/*.py) $(MEASURE_INPUTS) $(wildcard data/nlu/*.yml) data/rules.yml data/stories.yml $(JIEBA_DICT)

.PHONY: help install db model run lookup test clean

help:
	@echo "make run    install, build the measure table, train if needed, start the bot (REST on :$(RASA_PORT)) and action server (:$(ACTION_PORT))"
	@echo "make lookup the operators' lookup (Datasette) on http://localhost:$(LOOKUP_PORT)"
	@echo "make test   install, build, train if needed, run every test"
	@echo "make db     build $(DB) from data/measures/"
	@echo "make model  train $(MODEL) if its inputs changed"

$(VENV)/.installed: requirements.txt
	@if [ -z "$(PYTHON310)" ]; then \
	  echo "error: no Python 3.10 found. Rasa 3.6 needs Python < 3.11: install python3.10, or 'pyenv install 3.10'." >&2; exit 1; fi
	@echo ">> creating $(VENV) with $(PYTHON310)"
	$(PYTHON310) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip==24.0
	@echo ">> installing pinned dependencies (a few minutes on a fresh machine)"
	$(PY) -m pip install --quiet --progress-bar off -r requirements.txt
	$(PY) -m pip check
	touch $@

install: $(VENV)/.installed

# One build writes both the table and the jieba dictionary of the plan's terms.
$(DB) $(JIEBA_DICT) &: $(VENV)/.installed $(MEASURE_INPUTS)
	$(PY) -m bot build-db

db: $(DB)

# `--force`: Rasa's training cache does not notice a changed jieba dictionary.
$(MODEL): $(VENV)/.installed $(MODEL_INPUTS)
	@echo ">> training $(MODEL)"
	@start=$$(date +%s); \
	$(RASA) train --force --fixed-model-name nuanliu --out models --quiet && \
	echo ">> trained in $$(( $$(date +%s) - start )) s"

model: $(MODEL)

run: $(DB) $(MODEL)
	@echo ">> action server on :$(ACTION_PORT), Rasa REST on http://localhost:$(RASA_PORT)/webhooks/rest/webhook (Ctrl-C stops both)"
	@$(RASA) run actions --port $(ACTION_PORT) & actions=$$!; \
	trap 'kill $$actions 2>/dev/null' EXIT INT TERM; \
	$(RASA) run --enable-api --port $(RASA_PORT) --model $(MODEL) --endpoints endpoints.yml --credentials credentials.yml

$(LOG): | $(VENV)/.installed
	$(PY) -m bot init-log

# The measure table is served immutable (read-only); the unanswered log grows while the bot runs.
lookup: $(DB) $(LOG)
	@echo ">> operators' lookup on http://localhost:$(LOOKUP_PORT) (Ctrl-C stops it)"
	PYTHONPATH=. $(VENV)/bin/datasette serve --immutable $(DB) $(LOG) --metadata lookup/metadata.yml \
	  --plugins-dir lookup/plugins --host 127.0.0.1 --port $(LOOKUP_PORT)

test: $(DB) $(MODEL)
	$(PY) -m pytest

clean:
	rm -rf build models .pytest_cache
