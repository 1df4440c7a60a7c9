# Everything installs itself: `make serve` and `make test` work on a fresh machine.
SHELL := /bin/bash
# independent prerequisites side by side: pip (~20-30 s in a clean clone), npm (~4 s) and, on a machine without
# them, Chromium and the CJK fonts (apt, ~24 s); ruff and mypy
MAKEFLAGS += -j3
PY := .venv/bin/python
export NO_MKDOCS_2_WARNING := 1
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install chromium serve serve-site build bundle check lint typecheck test bench fuzz policies source new-policy clean

install: .venv/.installed node_modules/.installed

.venv/.installed: pyproject.toml
	python3 -m venv .venv
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

chromium:                          ## Debian's Chromium and CJK fonts for the browser tests and make bench (installs them if missing)
	bash scripts/dev/ensure_chromium.sh

policies: .venv/.installed        ## validate and prove policies/ (run every calculator over sampled inputs, render every page) and compile calc/data/policies.json
	$(PY) -m scripts.policy.loader --compile

source: .venv/.installed          ## store a source text verbatim as policies/sources/NNN_<sha256[:16]>.txt and print its sources: entry: make source FILE=notice.txt [URL=https://…] [KEY=notice] [KIND=summary]
	$(PY) -m scripts.policy.store_source "$(FILE)" $(if $(URL),--url "$(URL)") $(if $(KEY),--key "$(KEY)") $(if $(KIND),--kind "$(KIND)")

new-policy: .venv/.installed      ## skeleton of a new policy: make new-policy PLACE=hunan/hengyang TOPIC=flexible-employment YEAR=2025 [CALCULATORS="a b"]
	$(PY) -m scripts.policy.scaffold --place "$(PLACE)" --topic "$(TOPIC)" --year "$(YEAR)" $(if $(CALCULATORS),--calculators $(CALCULATORS))

build: install                     ## build the site into site/ (atomic: a failed build keeps the old site)
	$(PY) -m scripts.bundle.build_site

serve: install                     ## build and serve on http://127.0.0.1:8000
	$(PY) -m mkdocs serve --strict -a $(HOST):$(PORT)

serve-site: build                  ## serve the built site/ with its .br/.gz copies (as a static host would; mkdocs serve cannot)
	$(PY) -m scripts.bundle.wire site --host $(HOST) --port $(PORT)

bundle: install                    ## dist/mingbai-offline-<version>.zip: the whole site, opens from file:// with no server/network
	$(PY) -m scripts.bundle.offline_bundle

# what `make check` leaves out: tests marked as building the site, running Node or Pyodide, or a browser
CHECK_MARKERS := not site and not node and not pyodide and not browser
# pytest-xdist on every core; tests sharing a costly fixture stay on one worker, handed out in the order
# tests/xdist_order.py gives (the site's build beside the tests that do not need it).
# XDIST= runs in one process (for -x, --pdb or print debugging).
XDIST ?= -n auto --dist loadgroup --no-loadscope-reorder

RUFF ?= $(PY) -m ruff
lint: .venv/.installed             ## ruff: pyflakes, bugbear, pyupgrade, simplify ([tool.ruff] in pyproject.toml)
	$(RUFF) check .

MYPY ?= $(PY) -m mypy
typecheck: .venv/.installed        ## mypy: strict on calc/, a checked baseline on scripts/ ([tool.mypy] in pyproject.toml)
	$(MYPY)

check: lint typecheck              ## fast feedback (< 2 min): unit, doctests, schema, CLI, vectors, ruff, mypy; no site build, no browser, no Node
	HYPOTHESIS_PROFILE=check $(PY) -m pytest -q $(XDIST) -m "$(CHECK_MARKERS)" $(PYTEST_ARGS)

test: install chromium             ## every test: unit, doctests, schema, CLI, Pyodide parity, Chromium
	$(PY) -m pytest $(XDIST) $(PYTEST_ARGS)

bench: install chromium            ## benchmarks (not tests): widget, wire, offline, build; then one summary table + bench-results.json
	$(PY) -m scripts.bench.all --out bench-results.json

fuzz: install                      ## property-based fuzzing: 100 000 inputs per calculator, a fresh seed each run
	HYPOTHESIS_PROFILE=fuzz $(PY) -m pytest -q $(XDIST) tests/test_fuzz_calculators.py $(PYTEST_ARGS)

clean:
	rm -rf site dist .pytest_cache .mypy_cache
