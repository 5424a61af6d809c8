# The two set-up commands of the README: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test mutation install install-test clean

demo: install  ## build statements.db from the bundled sample corpus and serve it on http://127.0.0.1:8001
	$(BIN)/undersigned demo

test: install-test  ## lint, then run the whole test suite
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

# Slow, and neither in CI nor in `make test`: MODULES picks some of parse, load, search, http (all by default).
mutation: $(VENV)/.installed-mutation  ## mutation testing of the parser, the loader, search and the crawler's politeness code
	$(BIN)/python -m tests.mutation $(MODULES)

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

$(VENV)/.installed-mutation: $(VENV)/.installed-test
	$(BIN)/python -m pip install --quiet -e ".[mutation]"
	touch $@

clean:
	rm -rf $(VENV) statements.db statements.db-wal statements.db-shm statements.archive.db test-artifacts build/mutation
