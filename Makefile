# The portal's everyday commands. `make run` and `make test` work on a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000
# The demo office `make run` loads: jizpi, jspu or tict (seed_demo --profile).
DEMO ?= jizpi

.PHONY: run test test-fast lint format bench bench-http messages messages-check mutation clean

# The venv is rebuilt only when a requirements file changes.
$(BIN)/.installed: requirements.txt requirements-dev.txt constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt -c constraints.txt
	touch $@

## run: install, migrate, load demo data, make a demo admin (DEBUG only) and serve on :8000 with a jobs worker
# The worker sends the e-mail the pages queue (to the console unless EMAIL_URL is set); it stops with the server.
run: $(BIN)/.installed
	$(PY) manage.py migrate --no-input
	$(PY) manage.py seed_demo --profile $(DEMO)
	$(PY) manage.py demo_admin --site http://$(HOST):$(PORT)
	$(PY) manage.py jobs_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

# The browser tests' accessibility audit runs axe-core, pinned in package-lock.json; `npm ci` installs exactly that.
node_modules/axe-core/axe.min.js: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

## test: the whole suite on SQLite, or on the database DATABASE_URL names; in random order, on two processes
PYTEST_WORKERS ?= 2
test: $(BIN)/.installed node_modules/axe-core/axe.min.js
	$(BIN)/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

## lint: ruff, the layers (import-linter contracts in pyproject.toml) and the missing-migration check
lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(PY) manage.py makemigrations --check --dry-run

## bench: time every public page on a throw-away database (demo + 1,000 extra partners)
bench: $(BIN)/.installed
	$(PY) scripts/bench.py

## bench-http: gunicorn + wrk at 8 connections, demo data and ten times it, page cache on and off
bench-http: $(BIN)/.installed
	$(PY) scripts/bench_http.py

## messages: collect new strings into locale/uz and locale/ru, then compile them after translating
messages: $(BIN)/.installed
	$(PY) manage.py makemessages -l uz -l ru --ignore=.venv --ignore=staticfiles --ignore=tests --ignore=static --ignore=node_modules --no-obsolete
	$(PY) manage.py compilemessages --ignore=.venv --ignore=.mutation --ignore=node_modules

## messages-check: fail when the code has a string the catalogues lack (CI runs it; needs GNU gettext)
messages-check: $(BIN)/.installed
	$(PY) manage.py makemessages -l uz -l ru --ignore=.venv --ignore=staticfiles --ignore=tests --ignore=static --ignore=node_modules --no-obsolete
	git diff --exit-code --ignore-matching-lines='^"POT-Creation-Date:' -- locale/ \
		|| (echo "The catalogues are out of date: run 'make messages', translate, commit." && exit 1)

## mutation: mutmut over the services, upload checks, access helpers, page cache and jobs (slow; not in CI)
# MODULES="uploads roles" limits it; figures per module at the end. Results are kept in .mutation/.
MODULES ?=
MUTATION_JOBS ?= 1
mutation: $(BIN)/.installed
	nice -n 19 $(PY) scripts/mutation.py --jobs $(MUTATION_JOBS) $(MODULES)

format: $(BIN)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) .test-media staticfiles node_modules
