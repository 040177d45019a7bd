# Bilateral: `make help` lists the targets. Every target builds .venv first when it is missing
# or older than pyproject.toml.
.DEFAULT_GOAL := help
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
JOBS ?= 2

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m bilateral.kernel >/dev/null
	@$(MAKE) --no-print-directory strip-outputs
	@touch $(STAMP)

.PHONY: help venv kernel strip-outputs params report extract test test-fast lint format lab notebooks clean

help: ## show this help
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

venv: $(STAMP) ## build .venv (only when missing or pyproject.toml changed), its kernel and the git output filter

kernel: $(STAMP) ## install the kernel for your user too, so a JupyterLab outside .venv lists "Python (bilateral)"
	$(BIN)/python -m bilateral.kernel --user

strip-outputs: ## make git strip notebook outputs on commit (nbstripout; make venv runs it)
	@if git rev-parse --git-dir >/dev/null 2>&1; then \
	  $(BIN)/nbstripout --install --attributes .gitattributes && echo "git: notebook outputs are stripped on commit"; \
	fi

params: $(STAMP) ## list the report notebook's parameters (for bilateral report/batch -p NAME VALUE)
	$(BIN)/bilateral params

extract: $(STAMP) ## write the tables of every seed to data/processed/
	$(BIN)/bilateral extract

report: $(STAMP) ## the main job: tables and HTML reports (English, and the article's own language) for every seed (reports/index.html)
	$(BIN)/bilateral extract
	$(BIN)/bilateral batch --also-native --corpus --jobs $(JOBS)

test: $(STAMP) lint ## lint, then run every test (one worker per core; a test file stays on one worker)
	$(BIN)/python -m pytest -n auto --dist loadfile

test-fast: $(STAMP) ## run the tests that need no notebook kernel or browser
	$(BIN)/python -m pytest -n auto --dist loadfile -m "not slow"

lint: $(STAMP) ## ruff on the library, tests, benchmarks and the notebooks' jupytext pairs
	$(BIN)/ruff check src tests benchmarks notebooks

format: $(STAMP) ## sort imports and fix what ruff can fix
	$(BIN)/ruff check --fix src tests benchmarks notebooks

notebooks: $(STAMP) ## regenerate notebooks/*.ipynb (no outputs) from their jupytext .py pairs
	$(BIN)/jupytext --sync notebooks/*.py

lab: $(STAMP) ## open JupyterLab on notebooks/ with the project's kernel
	$(BIN)/jupyter lab notebooks/

clean: ## remove generated outputs (data/processed, reports) but keep .venv
	rm -rf data/processed reports/*/ reports/.locks reports/index.html
