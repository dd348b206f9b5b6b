# Two commands on a fresh machine: `make run` and `make test`. Everything else is set up by them.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed

.PHONY: run test bench lint fmt setup browser clean

$(INSTALLED): requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $(INSTALLED)

setup: $(INSTALLED)

# Debian's chromium for the end-to-end tests (Playwright drives it; no browser download).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null \
	      || echo "WARNING: could not install chromium; end-to-end tests will be skipped"; \
	  else echo "WARNING: chromium missing and not root; end-to-end tests will be skipped"; fi; }

run: setup
	$(PY) manage.py bootstrap_local
	$(PY) manage.py runlocal

test: setup browser
	$(PY) -m pytest -q $(PYTEST_ARGS)

bench: setup
	$(PY) -m benchmarks

lint: setup
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

fmt: setup
	$(VENV)/bin/ruff check --fix . && $(VENV)/bin/ruff format .

clean:
	rm -rf var $(VENV)
