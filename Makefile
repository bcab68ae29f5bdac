# Every target sets up what it needs; each step is skipped when already done.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
APT_PACKAGES := fonts-liberation2 poppler-utils gettext
# Debian's Chromium drives the browser tests (never `playwright install`: it downloads a browser).
TEST_APT_PACKAGES := chromium
HOST ?= 127.0.0.1
PORT ?= 8000
# make serve: PostgreSQL, gunicorn with WORKERS processes (default 2 x cores + 1).
DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/kehoach
WORKERS ?= $(shell echo $$(( $$(nproc) * 2 + 1 )))

.PHONY: setup sysdeps run serve test bench lint demo clean

MO := locale/vi/LC_MESSAGES/django.mo

setup: sysdeps .stamp-venv .stamp-npm $(MO)
	@$(PY) manage.py migrate --no-input -v0

# The Vietnamese words for third-party packages' English (locale/vi/LC_MESSAGES/django.po), compiled.
$(MO): locale/vi/LC_MESSAGES/django.po
	msgfmt --check-format -o $@ $<

# System packages: the Times New Roman-metric font WeasyPrint embeds, poppler for PDF checks,
# gettext's msgfmt for the translation catalogue.
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

# The app as it runs for a province: PRODUCTION=1 (HTTPS hardening: put it behind a TLS reverse proxy
# that sets X-Forwarded-Proto; INSECURE_HTTP=1 for a local try over plain http), PostgreSQL,
# gunicorn, static files by WhiteNoise with hashed names, /healthz for the load balancer.
serve: sysdeps .stamp-venv .stamp-npm $(MO)
	@DATABASE_URL="$(DATABASE_URL)" $(PY) -m config.prepare
	@export PRODUCTION=1 DATABASE_URL="$(DATABASE_URL)" SECRET_KEY="$$($(PY) -m config.prepare secret-key)" \
	  CONN_MAX_AGE="$${CONN_MAX_AGE:-60}" ALLOWED_HOSTS="$${ALLOWED_HOSTS:-$(HOST),localhost,127.0.0.1}"; \
	if [ -n "$(INSECURE_HTTP)" ]; then \
	  export SECURE_SSL_REDIRECT=0 SESSION_COOKIE_SECURE=0 CSRF_COOKIE_SECURE=0 SECURE_HSTS_SECONDS=0; fi; \
	$(PY) manage.py migrate --no-input -v0 && $(PY) manage.py createcachetable && \
	$(PY) manage.py collectstatic --no-input -v0 && \
	echo "Serving on http://$(HOST):$(PORT)/ with $(WORKERS) gunicorn workers (PostgreSQL: $(DATABASE_URL))" && \
	exec $(VENV)/bin/gunicorn config.wsgi:application --bind $(HOST):$(PORT) --workers $(WORKERS) \
	  --timeout 60 --graceful-timeout 30 --max-requests 2000 --max-requests-jitter 200 \
	  --access-logfile - --forwarded-allow-ips="$${FORWARDED_ALLOW_IPS:-127.0.0.1}" --no-control-socket

test: setup
	@$(MAKE) --no-print-directory sysdeps APT_PACKAGES="$(TEST_APT_PACKAGES)"
	$(VENV)/bin/pytest

bench: setup
	$(VENV)/bin/python -m tests.perf

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

clean:
	rm -rf $(VENV) node_modules .stamp-* staticfiles $(MO)
