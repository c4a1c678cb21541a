# Two entry points: `make factcheck` runs the fact checker on the seed articles,
# `make test` runs the test suite. Each builds its own virtualenv on first use, installing
# the exact versions pinned in requirements/dev.lock (refresh it with `make lock`).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCK := requirements/dev.lock
# uv resolves the lock for every Python and platform at once (pip-tools resolves for the
# interpreter that runs it only). It comes from PyPI into the virtualenv, at this version.
UV_VERSION := 0.13.9
UV := $(BIN)/uv
OLDEST_VENV ?= .venv-oldest
NEWEST_VENV ?= .venv-newest

.PHONY: factcheck test lint lock lock-upgrade test-oldest test-newest clean

# The lock first, then the project itself without dependencies and without fetching a build
# backend (setuptools is in the lock); `pip check` fails when pyproject.toml asks for
# something the lock lacks, i.e. when the lock is stale.
$(STAMP): pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	@$(BIN)/python -m pip check || { \
		echo "$(LOCK) does not satisfy pyproject.toml: run 'make lock'" >&2; exit 1; }
	touch $(STAMP)

# Exit status 0: every article agrees; 1: some article contradicts a fact, the checker doing
# its job. Anything else (2: a fact file is broken, 4: a usage error, 3: an internal error,
# 5: nothing collected) fails the target.
factcheck: $(STAMP)
	$(BIN)/pytest --factcheck seeds/ || [ $$? -eq 1 ]

test: $(STAMP)
	$(BIN)/pytest -n 2

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

$(UV):
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet uv==$(UV_VERSION)

# Resolve pyproject.toml's dependencies with the extra `dev`, plus requirements/build.in,
# for Python 3.10 and newer on every platform. `make lock` keeps the versions already pinned
# and only adds, drops or moves what pyproject.toml's changes require; `make lock-upgrade`
# moves every pin to the newest release.
COMPILE = $(UV) pip compile --quiet --universal --python-version 3.10 \
	--custom-compile-command "make lock" pyproject.toml requirements/build.in --extra dev \
	-o $(LOCK)

lock: $(UV)
	$(COMPILE)

lock-upgrade: $(UV)
	$(COMPILE) --upgrade

# The suite against the lowest versions pyproject.toml allows for its direct dependencies,
# and against the newest releases of everything: both in throwaway virtualenvs.
test-oldest: $(UV)
	rm -rf $(OLDEST_VENV)
	$(PYTHON) -m venv --without-pip $(OLDEST_VENV)
	$(UV) pip install --quiet --python $(OLDEST_VENV)/bin/python \
		--resolution lowest-direct -e '.[test]'
	$(OLDEST_VENV)/bin/python -m pytest -n 2 -q -p no:cacheprovider

test-newest: $(UV)
	rm -rf $(NEWEST_VENV)
	$(PYTHON) -m venv --without-pip $(NEWEST_VENV)
	$(UV) pip install --quiet --python $(NEWEST_VENV)/bin/python \
		--resolution highest --refresh -e '.[test]'
	$(NEWEST_VENV)/bin/python -m pytest -n 2 -q -p no:cacheprovider

clean:
	rm -rf $(VENV) $(OLDEST_VENV) $(NEWEST_VENV) build *.egg-info .pytest_cache \
		.mypy_cache .ruff_cache .hypothesis
