# Two entry points: `make factcheck` runs the fact checker on the seed articles,
# `make test` runs the test suite. Each builds its own virtualenv on first use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: factcheck test lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Exit status 1 means some article contradicts a fact: the checker did its job.
# Anything else (a usage error, an internal error) fails the target.
factcheck: $(STAMP)
	$(BIN)/pytest --factcheck seeds/ || [ $$? -eq 1 ]

test: $(STAMP)
	$(BIN)/pytest -n 2

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis
