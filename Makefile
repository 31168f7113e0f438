# claimgraph: the two commands that matter are `make demo` and `make test`.
# Both set up .venv first from the hash-pinned lock file (Python 3.11+ only
# needs to be installed).

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.claimgraph-installed

.PHONY: setup demo test test-all eval lock clean browser-deps screenshot bench-html

setup: $(STAMP)

$(STAMP): pyproject.toml requirements/lock.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements/lock.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

## build the seed articles' graph into exports/ (the page's build date is the
## date of the last commit that changed seeds/, so two runs give the same bytes)
DEMO_EPOCH := $(shell git log -1 --format=%ct -- seeds 2>/dev/null)
demo: setup
	SOURCE_DATE_EPOCH=$(DEMO_EPOCH) $(BIN)/claimgraph build seeds/ --out exports/

## run the test suite (slow tests excluded; `make test-all` runs them too)
test: setup
	$(BIN)/python -m pytest

test-all: setup
	$(BIN)/python -m pytest -m "slow or not slow"

## regenerate the lock file after changing dependencies in pyproject.toml
lock:
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
	  --no-emit-find-links --extra test -o requirements/lock.txt pyproject.toml requirements/build.in

clean:
	rm -rf $(VENV) .pytest_cache build dist

## Debian's Chromium for the browser tests, screenshots and the page benchmark
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core; }
	@chromium --version 2>/dev/null

## the README's picture of the seed graph: docs/graph.png from exports/graph.html
screenshot: setup browser-deps
	$(BIN)/python docs/screenshot.py exports/graph.html docs/graph.png

## how long a 2,000-entity page takes to open in headless Chromium
bench-html: setup browser-deps
	$(BIN)/python benchmarks/bench_html.py
