# Dossier: set-up, report, tests. Every target creates .venv when missing.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
INPUTS ?= seeds
OUT ?= reports
WORKSPACE ?= workspace
UV_VERSION := 0.13.9

.PHONY: setup system lock report extract test lab bench bench-screening browser clean

setup: $(STAMP)

$(STAMP): requirements.txt requirements-pip.txt pyproject.toml
	@$(MAKE) --no-print-directory system
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements-pip.txt
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements.txt
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	$(PY) -m pip check
	$(PY) -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (Dossier)" >/dev/null
	touch $(STAMP)

## system: what pyicu (needed by rigour) compiles against: ICU headers, pkg-config, a C++ compiler.
## Installed with apt-get when missing; on other systems install them by hand (see the README).
system:
	@{ command -v pkg-config >/dev/null && pkg-config --exists icu-uc && command -v g++ >/dev/null; } || \
	  { (apt-get install -y libicu-dev pkg-config g++ || (apt-get update && apt-get install -y libicu-dev pkg-config g++)) >/dev/null; }

## lock: recompile requirements.txt (every package, with hashes) from requirements.in
lock:
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet uv==$(UV_VERSION)
	$(VENV)/bin/uv pip compile --quiet --python-version 3.11 --python-platform x86_64-unknown-linux-gnu \
	  --generate-hashes --no-header requirements.in -o requirements.txt
	$(VENV)/bin/uv pip compile --quiet --python-version 3.11 --python-platform x86_64-unknown-linux-gnu \
	  --generate-hashes --no-header requirements-pip.in -o requirements-pip.txt
	sed -i '1i # The lock: every package Dossier installs, direct or not, pinned with its hashes.\n# Generated from requirements.in by `make lock`; do not edit by hand.' requirements.txt

## report: execute every notebook on $(INPUTS) and write the HTML report to $(OUT)/
report: $(STAMP)
	$(PY) -m helpers report $(INPUTS) --out $(OUT) --workspace $(WORKSPACE)

## extract: the same pipeline without notebooks, CSV files only
extract: $(STAMP)
	$(PY) -m helpers extract $(INPUTS) --out $(OUT)/data --workspace $(WORKSPACE)

## browser: Debian's Chromium and poppler-utils (pdftotext) for the browser and print tests (installed when missing)
browser:
	@test -x /usr/bin/chromium || { (apt-get install -y chromium || (apt-get update && apt-get install -y chromium)) >/dev/null; }
	@command -v pdftotext >/dev/null || { (apt-get install -y poppler-utils || (apt-get update && apt-get install -y poppler-utils)) >/dev/null; }

## test: the whole test suite, browser tests included
test: $(STAMP) browser
	$(PY) -m pytest tests

## lab: JupyterLab on notebooks/
lab: $(STAMP)
	$(VENV)/bin/jupyter lab --notebook-dir=notebooks

## bench: speed and memory figures (prints ratios, asserts nothing); about a quarter of an hour.
## The large run: make bench BENCH_ARGS="--articles 400 2000 20000 --steps 2000 20000"
BENCH_ARGS ?= --articles 400 2000 --steps 2000 8000
bench: $(STAMP)
	$(PY) benchmarks/bench_extract.py $(BENCH_ARGS)

## bench-screening: screening speed and memory, 2,000 entities against 20,000 list entries
bench-screening: $(STAMP)
	$(PY) benchmarks/bench_screening.py

clean:
	rm -rf $(WORKSPACE) $(OUT) test-artifacts
