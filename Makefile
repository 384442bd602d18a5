# The front door: every command installs what it needs into .venv/ on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test
PORT   ?= 8000
# Material's end-of-life banner would print on every build and test; `kb build` prints a dated check instead,
# which fails from 5 May 2027 until src/kb/engines/DECISION.md records a decision (src/kb/engines/end_of_life.py).
export NO_MKDOCS_2_WARNING := 1

.PHONY: help serve serve-nl serve-en build build-properdocs check test clean tiers new-entry translations translations-reviewed offline bench

help:            ## list the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | awk -F'\t' '{ printf "%-23s %s\n", $$1, $$2 }'

$(STAMP): requirements.txt constraints.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .   # the package kb (src/kb/) and the kb command
	touch $@

$(TSTAMP): $(STAMP) requirements-test.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

serve: $(STAMP)  ## install, then serve the site with live reload on http://127.0.0.1:8000/ (another port: PORT=8001)
	$(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:$(PORT)

serve-nl: $(STAMP)  ## quicker preview: only the Dutch pages (about half the rebuild time)
	KB_ONLY_LOCALE=nl $(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:$(PORT)

serve-en: $(STAMP)  ## quicker preview: only the English pages, at the site root
	KB_ONLY_LOCALE=en $(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:$(PORT)

build: $(STAMP)  ## build the static site into site/ (strict: any warning fails; a failed build leaves site/ as it was)
	$(BIN)/kb build

build-properdocs: $(TSTAMP)  ## the same build with ProperDocs (maintained fork of MkDocs 1.x), to show leaving MkDocs is small
	$(BIN)/kb build --engine properdocs

check: $(STAMP)  ## validate glossary/ and quiz/ data: every problem with file:line and how to fix it
	$(BIN)/kb validate

test: $(TSTAMP)  ## install, then run the whole test suite (unit, build, browser)
	$(BIN)/kb ensure-browser
	$(BIN)/pytest

clean:           ## remove the built site, generated pages and the template cache
	rm -rf site .site-building .site-replaced .cache docs/glossary docs/sources

tiers: $(STAMP)  ## cross-check the sources' tier thresholds (add ARGS="--classify 8000" or --json/--markdown)
	$(BIN)/kb tiers $(ARGS)

new-entry: $(STAMP)  ## write a skeleton glossary entry: make new-entry ID=brand-safety
	$(BIN)/kb new-entry "$(ID)"

translations: $(STAMP)  ## list entries whose other-language text is out of date or never reviewed
	$(BIN)/kb translations

translations-reviewed: $(STAMP)  ## record that both languages match: make translations-reviewed ID=influencer (or ALL=1)
	$(BIN)/kb translations reviewed $(if $(ALL),--all,$(ID))

offline: $(STAMP)  ## build the offline copy (opens from disk) as site/downloads/influencer-kennisbank-offline.zip
	$(BIN)/kb offline

bench: $(TSTAMP)  ## benchmark the build at 100/500/1000 synthetic entries; writes bench-results.json
	$(BIN)/kb bench
