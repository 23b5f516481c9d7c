# Dossier: set-up, report, tests. Every target creates .venv when missing.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
INPUTS ?= seeds
OUT ?= reports
WORKSPACE ?= workspace

.PHONY: setup report extract test lab bench browser clean

setup: $(STAMP)

$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (Dossier)" >/dev/null
	touch $(STAMP)

## report: execute every notebook on $(INPUTS) and write the HTML report to $(OUT)/
report: $(STAMP)
	$(PY) -m helpers report $(INPUTS) --out $(OUT) --workspace $(WORKSPACE)

## extract: the same pipeline without notebooks, CSV files only
extract: $(STAMP)
	$(PY) -m helpers extract $(INPUTS) --out $(OUT)/data --workspace $(WORKSPACE)

## browser: Debian's Chromium for the browser tests (installed when missing)
browser:
	@test -x /usr/bin/chromium || { (apt-get install -y chromium || (apt-get update && apt-get install -y chromium)) >/dev/null; }

## test: the whole test suite, browser tests included
test: $(STAMP) browser
	$(PY) -m pytest tests

## lab: JupyterLab on notebooks/
lab: $(STAMP)
	$(VENV)/bin/jupyter lab --notebook-dir=notebooks

## bench: speed and memory figures (prints ratios, asserts nothing)
bench: $(STAMP)
	$(PY) benchmarks/bench_extract.py

clean:
	rm -rf $(WORKSPACE) $(OUT) test-artifacts
