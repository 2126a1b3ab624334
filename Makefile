# One entry point for people and for CI.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test lint format bench clean

# Python packages into .venv; GOV.UK Frontend, its styles and axe-core into var/frontend.
$(STAMP): pyproject.toml package.json package-lock.json
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	npm ci --no-audit --no-fund --loglevel=error
	npm run --silent build
	touch $(STAMP)

setup: $(STAMP)

# Builds the demo council (2,000 children) into SQLite, evaluates it, prints a sign-in
# for each role and serves it on http://127.0.0.1:8000/.
demo: $(STAMP)
	$(BIN)/casework manage demo

test: $(STAMP)
	$(BIN)/pytest -n auto

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

bench: $(STAMP)
	$(BIN)/python bench/engine.py
	$(BIN)/python bench/webapp.py --children 15000
	$(BIN)/python bench/insight.py --children 15000

clean:
	rm -rf $(VENV) var build node_modules *.egg-info
