# Two commands: `make run` (demo on http://127.0.0.1:8000) and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1:8000
SITE_URL ?= http://$(HOST)
export DJANGO_SETTINGS_MODULE ?= config.settings.dev

.PHONY: run test venv dev-venv system-deps migrate demo lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

venv: $(VENV)/.installed
dev-venv: $(VENV)/.dev-installed

# Debian's Chromium (browser tests) and poppler-utils (pdftotext/pdftoppm), when missing and root.
system-deps:
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	command -v pdftotext >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	fc-list 2>/dev/null | grep -qi dejavu || missing="$$missing fonts-dejavu-core"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing$$missing"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null) \
	      || echo "Could not install$$missing: browser/PDF tests will skip (or fail under CI=true)"; \
	  else echo "Missing$$missing and not root: browser/PDF tests will skip (or fail under CI=true)"; fi; \
	fi

# The database cache's table comes with the migrations (core/migrations/0001_cache_table.py).
migrate: venv
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py seed_demo

# SITE_URL (certificate QR codes, e-mail links) follows HOST unless given; a wildcard address is not
# one a phone can open, so say which SITE_URL to set.
run: demo
	@case "$(SITE_URL)" in http://0.0.0.0:*|http://\[::\]:*) echo "Warning: certificate and session QR codes will point at $(SITE_URL), which phones cannot open: make run HOST=$(HOST) SITE_URL=http://<this machine's address>:$(lastword $(subst :, ,$(HOST)))";; esac
	SITE_URL="$(SITE_URL)" $(PY) manage.py runserver $(HOST)

test: dev-venv system-deps
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/pytest $(PYTEST_ARGS)

lint: dev-venv
	$(BIN)/ruff check .
	$(BIN)/lint-imports

# Issue 17's ratios, each with its floor measured in the same run (benchmarks/suite.py): seeds
# $(BENCH_DB)_<N> on PostgreSQL for each size; BENCH_ARGS="--reuse" measures seeded databases again.
BENCH_SIZES ?= 10000,30000,100000
BENCH_DB ?= postgres://postgres@127.0.0.1:5432/perf_bench
bench: dev-venv
	$(BIN)/pip install --quiet -r benchmarks/load/requirements.txt  # locust, for the suite's HTTP op
	$(PY) -m benchmarks.suite --database-url $(BENCH_DB) --sizes $(BENCH_SIZES) --markdown $(BENCH_ARGS)

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* media staticfiles test-artifacts
