# claimgraph: the two commands that matter are `make demo` and `make test`.
# Both set up .venv first from the hash-pinned lock file (Python 3.11+ only
# needs to be installed).

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.claimgraph-installed

.PHONY: setup demo test test-all eval lock clean bench

setup: $(STAMP)

$(STAMP): pyproject.toml requirements/lock.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements/lock.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

## build the seed articles' graph into exports/
demo: setup
	$(BIN)/claimgraph build seeds/ --out exports/

## run the test suite (slow tests excluded; `make test-all` runs them too)
test: setup
	$(BIN)/python -m pytest

test-all: setup
	$(BIN)/python -m pytest -m "slow or not slow"

## the canned SPARQL queries on a 1M-triple synthetic graph: the store (Oxigraph) against rdflib
bench: setup
	$(BIN)/python benchmarks/queries.py --triples 1000000

## regenerate the lock file after changing dependencies in pyproject.toml
lock:
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
	  --no-emit-find-links --extra test -o requirements/lock.txt pyproject.toml requirements/build.in

clean:
	rm -rf $(VENV) .pytest_cache build dist
