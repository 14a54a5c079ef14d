# 暖流助手: `make run` and `make test` do all set-up (venv, database, model) on a fresh clone.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Rasa Open Source 3.6 needs Python < 3.11: the first candidate that really runs as 3.10
# (python3.10 on PATH may be a pyenv shim for a version that is not active), else pyenv's newest 3.10.
PYTHON310 ?= $(shell for p in $$(command -v python3.10) \
  $$(ls -d $$(pyenv root 2>/dev/null || echo $$HOME/.pyenv)/versions/3.10.*/bin/python 2>/dev/null | sort -V -r); do \
  "$$p" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' 2>/dev/null && { echo "$$p"; break; }; done)
VENV := .venv
# The load generator (locust 2.47) needs Python >= 3.11: its own venv, from the first 3.11+ that runs.
LOAD_PYTHON ?= $(shell for p in $$(command -v python3.11 python3.12 python3) \
  $$(ls -d $$(pyenv root 2>/dev/null || echo $$HOME/.pyenv)/versions/3.1[1-9].*/bin/python 2>/dev/null | sort -V); do \
  "$$p" -c 'import sys; sys.exit(sys.version_info[:2] < (3, 11))' 2>/dev/null && { echo "$$p"; break; }; done)
LOAD_VENV := .venv-load
PY := $(VENV)/bin/python
RASA := $(VENV)/bin/rasa
DB := build/measures.db
JIEBA_DICT := build/jieba/nuanliu.txt
MODEL := models/nuanliu.tar.gz
LOG := build/unanswered.db
RATINGS := build/ratings.db
COUNTS := build/daily_counts.db
LOOKUP_PORT ?= 8001
API_TOKEN := build/api-token

export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export PYTHONDONTWRITEBYTECODE := 1

# The table is built by the plan's code; the model also by the reading of citizens' words its components use.
MEASURE_INPUTS := $(wildcard data/measures/*.yml data/policy/*.txt) data/facts.yml data/groups.yml data/aspects.yml $(wildcard bot/*.py bot/plan/*.py)
MODEL_INPUTS := config.yml domain.yml data/scope.yml data/fact_patterns.yml data/vocabulary.yml $(wildcard components/*.py bot/reading/*.py) $(MEASURE_INPUTS) $(wildcard data/nlu/*.yml) data/rules.yml data/stories.yml $(JIEBA_DICT)

.PHONY: help install lock load-venv db model run lookup test unit lint security-check scale-test soak bench clean wechat-menu

help:
	@echo "make run    install, build the measure table, train if needed, start the bot and the action server (ports: serving/start.py)"
	@echo "make lookup the operators' lookup (Datasette) on http://localhost:$(LOOKUP_PORT)"
	@echo "make test   install, build, train if needed, run every test"
	@echo "make unit   the tests that need no model, server or browser (under a minute)"
	@echo "make lint   ruff (lint) and mypy (types) over the code: clean on main"
	@echo "make security-check URL=https://… [DESK_URL=…]  the security suite against a deployment (SECURITY.md)"
	@echo "make scale-test  two Rasa servers on PostgreSQL + Redis behind nginx (installs them if missing)"
	@echo "make soak   50 simulated citizens for 5 minutes (locust): no failure, memory flat"
	@echo "make bench  latency, throughput, accuracy, cost beside references: build/bench/results.json, report.md"
	@echo "make db     build $(DB) from data/measures/"
	@echo "make model  train $(MODEL) if its inputs changed"
	@echo "make lock   regenerate the hash-locked requirements.txt from requirements.in (pip-tools)"
	@echo "make wechat-menu  publish data/wechat_menu.yml as the WeChat account's menu (WECHAT_APPID, WECHAT_SECRET)"

$(VENV)/.installed: requirements.txt
	@if [ -z "$(PYTHON310)" ]; then \
	  echo "error: no Python 3.10 found. Rasa 3.6 needs Python < 3.11: install python3.10, or 'pyenv install 3.10'." >&2; exit 1; fi
	@echo ">> creating $(VENV) with $(PYTHON310)"
	$(PYTHON310) -m venv $(VENV)
	@echo ">> installing the hash-locked dependencies, pip itself included (a few minutes on a fresh machine)"
	$(PY) -m pip install --quiet --progress-bar off --require-hashes -r requirements.txt
	$(PY) -m pip check
	touch $@

install: $(VENV)/.installed

# requirements.txt from requirements.in, every file hashed; existing pins are kept unless
# requirements.in changes them (pip-tools' own rule). pip-tools runs from a throwaway venv.
lock:
	@if [ -z "$(PYTHON310)" ]; then echo "error: no Python 3.10 found" >&2; exit 1; fi
	$(PYTHON310) -m venv build/lock-venv
	build/lock-venv/bin/python -m pip install --quiet pip-tools==7.6.2
	build/lock-venv/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	  --no-emit-index-url --no-emit-find-links requirements.in -o requirements.txt

$(LOAD_VENV)/.installed: requirements-load.txt
	@if [ -z "$(LOAD_PYTHON)" ]; then echo "error: locust needs Python >= 3.11; none found" >&2; exit 1; fi
	$(LOAD_PYTHON) -m venv $(LOAD_VENV)
	$(LOAD_VENV)/bin/python -m pip install --quiet --progress-bar off -r requirements-load.txt
	touch $@

load-venv: $(LOAD_VENV)/.installed

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

# The HTTP API (tracker, model endpoints) needs a token: RASA_API_TOKEN, else one generated
# once into $(API_TOKEN) (mode 600). Channels (REST, WeChat, the web chat page) need none.
$(API_TOKEN): | $(VENV)/.installed
	@mkdir -p $(@D)
	@umask 077 && $(PY) -c 'import secrets; print(secrets.token_urlsafe(32))' > $@
	@echo ">> generated the HTTP API token in $@"

# Ports, endpoints, credentials, the token and the environment of both servers: serving/start.py.
run: $(DB) $(MODEL) $(API_TOKEN)
	@$(PY) -m serving run

$(LOG) $(RATINGS) $(COUNTS) &: | $(VENV)/.installed
	$(PY) -m bot init-log

# The measure table is served immutable (read-only); the unanswered log, the ratings and the daily counts grow
# while the bot runs. The handover pages read conversations through the Rasa server's HTTP API, with the same
# token as make run.
lookup: $(DB) $(LOG) $(RATINGS) $(COUNTS) | $(API_TOKEN)
	@echo ">> operators' lookup on http://localhost:$(LOOKUP_PORT) (Ctrl-C stops it)"
	PYTHONPATH=. $(VENV)/bin/datasette serve --immutable $(DB) $(LOG) $(RATINGS) $(COUNTS) --metadata lookup/metadata.yml --template-dir lookup/templates \
	  --plugins-dir lookup/plugins --host 127.0.0.1 --port $(LOOKUP_PORT)

test: $(DB) $(MODEL)
	$(PY) -m pytest

# ruff (pyproject.toml: pycodestyle, pyflakes, import order, bugbear, pyupgrade) and mypy over the product's code.
lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

# The security suite (tests/security/, also part of make test) against a deployment: URL is the citizens' address
# (nginx), DESK_URL the operators' desk; NUANLIU_CHECK_OPERATOR and NUANLIU_CHECK_PASSWORD in the environment add the
# checks that need a login. It only reads, and locks out one made-up account name (SECURITY.md).
security-check: $(VENV)/.installed
	@if [ -z "$(URL)" ]; then echo "usage: make security-check URL=https://<citizens' address> [DESK_URL=<desk>]" >&2; exit 2; fi
	NUANLIU_CHECK_URL="$(URL)" NUANLIU_CHECK_DESK_URL="$(DESK_URL)" $(PY) -m pytest -p no:cacheprovider -q tests/security

# pytest marks say what a test needs (pytest.ini); `unit` ones need no model, server or browser.
unit: $(DB)
	$(PY) -m pytest -m unit

scale-test: $(DB) $(MODEL)
	$(PY) -m pytest -m scale tests/scale

soak: $(DB) $(MODEL) $(LOAD_VENV)/.installed
	$(PY) -m pytest -s -m soak tests/soak

bench: $(DB) $(MODEL) $(LOAD_VENV)/.installed
	$(PY) -m bench

# The account's menu (自定义菜单) from data/wechat_menu.yml; the AppID and AppSecret from the environment only.
wechat-menu: $(VENV)/.installed
	$(PY) -m bot wechat-menu

clean:
	rm -rf build models .pytest_cache
