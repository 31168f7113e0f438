# claimgraph: the two commands that matter are `make demo` and `make test`.
# Both set up .venv first from the hash-pinned lock file (Python 3.11+ only
# needs to be installed).

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.claimgraph-installed

EVAL_STAMP := $(VENV)/.claimgraph-eval-installed
SHARED ?= ../shared

.PHONY: setup demo test test-all eval lock clean browser-deps screenshot bench-html bench bench-queries bench-build

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
test: setup neo4j-test-tools
	$(BIN)/python -m pytest

test-all: setup neo4j-test-tools
	$(BIN)/python -m pytest -m "slow or not slow"

## score claimgraph and the textacy baseline on the seeds, dev and own corpora (needs $(SHARED)/eval;
## dev and own texts re-created into $${CLAIMGRAPH_EVAL_CACHE:-~/.cache/claimgraph-eval}; EVAL_DETAIL=1 adds the error report)
eval: setup $(EVAL_STAMP)
	$(BIN)/python evaluation/run.py --shared $(SHARED)

$(EVAL_STAMP): requirements/eval-lock.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements/eval-lock.txt
	touch $@

## the canned SPARQL queries on a 1M-triple synthetic graph: the store (Oxigraph) against rdflib
bench-queries: setup
	$(BIN)/python benchmarks/queries.py --triples 1000000

## every benchmark; BENCH_QUICK=1 runs small sizes (under 5 minutes), where the
## targets set for full sizes only are printed `n/a (quick)`. The build's
## benchmark runs last and ends with one line per target:
## `target-name measured target PASS|FAIL|n/a (quick)`
export BENCH_QUICK
QUICK := $(filter 1,$(BENCH_QUICK))
bench: setup browser-deps
	$(BIN)/python benchmarks/queries.py --triples $(if $(QUICK),30000,1000000)
	$(BIN)/python benchmarks/bench_html.py $(if $(QUICK),--entities 500 --skip-pyvis --repeat 1,)
	$(BIN)/python benchmarks/bench_memory.py $(if $(QUICK),--sizes 0.1,)
	$(BIN)/python benchmarks/build.py

## the build's own benchmarks alone (throughput, scaling, workers and Dask, incremental, exports)
bench-build: setup
	$(BIN)/python benchmarks/build.py

## regenerate the lock file after changing dependencies in pyproject.toml
lock:
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
	  --no-emit-find-links --extra test -o requirements/lock.txt pyproject.toml requirements/build.in
	cd requirements && ../$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	  --no-emit-index-url --no-emit-find-links -o eval-lock.txt eval.in

clean:
	rm -rf $(VENV) .pytest_cache build dist $(VENV312) tools/cypher-lint/node_modules

## Debian's Chromium for the browser tests, screenshots and the page benchmark
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core; }
	@chromium --version 2>/dev/null

## the README's picture of the seed graph: docs/graph.png from exports/graph.html
## docs/graph.png from the demo; docs/timeline.png and docs/map.png from the seeds built with a
## document date (the seed articles carry none, so their relative dates stay unplaced without one)
SHOT_DIR := $(shell mktemp -d -u /tmp/claimgraph-shot.XXXXXX)
screenshot: setup browser-deps
	$(BIN)/python docs/screenshot.py exports/graph.html docs/graph.png
	$(BIN)/claimgraph build seeds/ --document-date 2025-11-01 --out $(SHOT_DIR) --format html --quiet
	$(BIN)/python docs/screenshot.py $(SHOT_DIR)/graph.html docs/timeline.png
	$(BIN)/python docs/screenshot.py $(SHOT_DIR)/graph.html docs/map.png --view map
	$(BIN)/python docs/screenshot.py exports/graph.html docs/compare.png --compare "RASC News Agency" "Pakistan"
	rm -rf $(SHOT_DIR)

## how long a 2,000-entity page takes to open in headless Chromium
bench-html: setup browser-deps
	$(BIN)/python benchmarks/bench_html.py

## engines the Neo4j export's tests check Cypher with: Neo4j's own parser
## (npm, pinned in tools/cypher-lint/package-lock.json) and embedded FalkorDB
## (falkordblite needs Python >= 3.12: its own venv, pinned with hashes)
VENV312     ?= .venv312
FALKORDB    := $(VENV312)/.claimgraph-installed
CYPHER_LINT := tools/cypher-lint/node_modules/.claimgraph-installed

.PHONY: neo4j-test-tools falkordb cypher-lint lock-falkordb

neo4j-test-tools: falkordb cypher-lint

falkordb: $(FALKORDB)

$(FALKORDB): requirements/falkordb-lock.txt
	test -x $(VENV312)/bin/python || "$$(tools/find-python312)" -m venv $(VENV312)
	$(VENV312)/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements/falkordb-lock.txt
	touch $@

cypher-lint: $(CYPHER_LINT)

$(CYPHER_LINT): tools/cypher-lint/package.json tools/cypher-lint/package-lock.json
	cd tools/cypher-lint && npm ci --no-audit --no-fund --loglevel=error
	touch $@

lock-falkordb:
	test -x $(VENV312)/bin/python || "$$(tools/find-python312)" -m venv $(VENV312)
	$(VENV312)/bin/python -m pip install --quiet --disable-pip-version-check pip-tools
	$(VENV312)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
	  --no-emit-find-links -o requirements/falkordb-lock.txt requirements/falkordb.in
