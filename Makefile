# Two commands on a fresh machine: `make run` and `make test`. Everything else is set up by them.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
# --require-hashes: every package, dependencies included, must be in the lock with its hash.
PIP_INSTALL := $(PY) -m pip install --quiet --disable-pip-version-check --require-hashes
# One stamp per lock: a changed lock re-installs on the next make (the test stamp follows the
# runtime one, so a runtime upgrade reaches the test environment too).
RUNTIME_STAMP := $(VENV)/.installed-runtime
TEST_STAMP := $(VENV)/.installed-test
UV_COMPILE := $(VENV)/bin/uv pip compile pyproject.toml --python-version 3.11 --generate-hashes \
	--custom-compile-command "make lock" --quiet

.PHONY: run test test-fast test-setup bench eval lint fmt setup lock browser clean

$(PY):
	$(PYTHON) -m venv $(VENV)

$(RUNTIME_STAMP): requirements.txt | $(PY)
	$(PIP_INSTALL) -r requirements.txt
	@touch $@

$(TEST_STAMP): requirements-test.txt $(RUNTIME_STAMP)
	$(PIP_INSTALL) -r requirements-test.txt
	@touch $@

# Runtime dependencies only: what a production install gets.
setup: $(RUNTIME_STAMP)

# The test lock (tests, Playwright, ruff, uv) on top, and the browser for the end-to-end tests.
test-setup: $(TEST_STAMP) browser

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

# Everything, as CI runs it.
# pytest's exit 5 ("no tests collected": nothing failed) is said plainly and not a failure.
test: test-setup
	@status=0; $(PY) -m pytest -q $(PYTEST_ARGS) || status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests (exit 5)"; exit 0; fi; exit $$status

# The developer's loop: no real stack (browser, runlocal subprocesses) and not the slowest tests.
test-fast: $(TEST_STAMP)
	$(PY) -m pytest -q -m "not slow and not stack" $(PYTEST_ARGS)

bench: $(TEST_STAMP)
	$(PY) -m benchmarks

# The blind evaluation of suggestions: the real local pipeline over tests/eval (eval/README.md).
eval: $(RUNTIME_STAMP)
	$(PY) -m eval $(EVAL_ARGS)

lint: $(TEST_STAMP)
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

fmt: $(TEST_STAMP)
	$(VENV)/bin/ruff check --fix . && $(VENV)/bin/ruff format .

# Regenerate both locks from pyproject.toml, keeping every pin that still satisfies it.
# Upgrade one package: make lock UPGRADE="--upgrade-package django"  (docs/dependencies.md).
lock: $(TEST_STAMP)
	$(UV_COMPILE) $(UPGRADE) -o requirements.txt
	$(UV_COMPILE) $(UPGRADE) --group test --group e2e --group dev -c requirements.txt -o requirements-test.txt

clean:
	rm -rf var $(VENV)
