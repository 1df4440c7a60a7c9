# Everything installs itself: `make serve` and `make test` work on a fresh machine.
SHELL := /bin/bash
PY := .venv/bin/python
export NO_MKDOCS_2_WARNING := 1
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install serve build test bench policies clean

install: .venv/.installed node_modules/.installed

.venv/.installed: pyproject.toml
	python3 -m venv .venv
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

policies: .venv/.installed        ## validate policies/ and compile calc/data/policies.json
	$(PY) -m scripts.policy_loader --compile

build: install                     ## build the site into site/
	.venv/bin/mkdocs build --strict

serve: install                     ## build and serve on http://127.0.0.1:8000
	.venv/bin/mkdocs serve --strict -a $(HOST):$(PORT)

test: install                      ## every test: unit, doctests, schema, CLI, Pyodide parity, Chromium
	bash scripts/ensure_chromium.sh
	$(PY) -m pytest $(PYTEST_ARGS)

bench: install                     ## benchmarks (not tests): widget boot, recompute latency, long tasks
	bash scripts/ensure_chromium.sh
	$(PY) scripts/bench_widget.py

clean:
	rm -rf site dist .pytest_cache
