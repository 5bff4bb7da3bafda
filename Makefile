# The two set-up commands of the README: `make demo` and `make test`. Everything installs from this repo's files.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: install demo test lint typecheck unit quality browser bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	bash scripts/install_wordnet.sh
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,ray]'
	touch $(STAMP)

## The main job on the bundled example: ingest the two seed articles and print their brief.
demo: install
	mkdir -p out
	$(BIN)/corroborator ingest examples/seeds --db out/demo.db
	$(BIN)/corroborator compare examples/seeds/*.txt

## Everything CI checks: lint, types, unit + integration + quality-gate + browser tests.
test: install browser
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy
	$(BIN)/pytest

browser:
	bash scripts/install_browser.sh

lint:
	$(BIN)/ruff check src tests bench

typecheck:
	$(BIN)/mypy

unit: install
	$(BIN)/pytest -m "not quality and not browser"

quality: install
	$(BIN)/pytest -m quality

bench: install
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
