# Every target sets up what it needs; each step is skipped when already done.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
APT_PACKAGES := fonts-liberation2 poppler-utils
# Debian's Chromium drives the browser tests (never `playwright install`: it downloads a browser).
TEST_APT_PACKAGES := chromium
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: setup sysdeps run test bench lint demo clean

setup: sysdeps .stamp-venv .stamp-npm
	@$(PY) manage.py migrate --no-input -v0

# System packages: the Times New Roman-metric font WeasyPrint embeds, poppler for PDF checks.
sysdeps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing system packages:$$missing"; \
	    (apt-get update -qq || true) && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "Please install as root: apt-get install$$missing" >&2; exit 1; fi; \
	fi

$(PY):
	python3 -m venv $(VENV)

.stamp-venv: pyproject.toml | $(PY)
	$(PIP) install -q -U pip
	$(PIP) install -q -e '.[dev]'
	@touch $@

.stamp-npm: package.json
	npm install --no-audit --no-fund --loglevel=error
	@touch $@

demo: setup
	@$(PY) manage.py load_units --if-missing
	@$(PY) manage.py load_demo

run: demo
	@echo "Serving on http://$(HOST):$(PORT)/"
	DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

test: setup
	@$(MAKE) --no-print-directory sysdeps APT_PACKAGES="$(TEST_APT_PACKAGES)"
	$(VENV)/bin/pytest

bench: setup
	$(VENV)/bin/python -m tests.perf

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

clean:
	rm -rf $(VENV) node_modules .stamp-* staticfiles
