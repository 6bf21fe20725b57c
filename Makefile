# Everything a fresh machine with Python >= 3.11 needs. See README.md.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: install demo serve worker rqworker test lint typecheck unit browser bench clean

$(BIN)/inovda: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

.env:
	@$(BIN)/python -c "import secrets,pathlib; t=pathlib.Path('.env.example').read_text(); \
	pathlib.Path('.env').write_text(t.replace('SECRET_KEY=change-me', 'SECRET_KEY=' + secrets.token_urlsafe(50)).replace('DEBUG=false', 'DEBUG=true'))"
	@echo "Wrote .env for local development (DEBUG=true, fresh SECRET_KEY)."

install: $(BIN)/inovda .env

demo: install
	$(BIN)/inovda migrate --noinput
	$(BIN)/inovda demo load
	$(BIN)/inovda demo accounts
	@# The background worker runs beside the development server and stops with it.
	$(BIN)/inovda worker --no-reload & worker=$$!; trap 'kill $$worker' EXIT INT TERM; \
	$(BIN)/inovda runserver 127.0.0.1:8000

# Production settings (DEBUG=false): gunicorn (gunicorn.conf.py) and the background worker.
# Needs a real SECRET_KEY (the .env written by `make install` has one); see docs/deploy.md.
serve: install
	DEBUG=false $(BIN)/inovda migrate --noinput
	DEBUG=false $(BIN)/inovda collectstatic --noinput --verbosity 0
	@# The worker of the configured queue: TASKS_BACKEND from the environment, else from .env.
	backend=$${TASKS_BACKEND:-$$(sed -n 's/^TASKS_BACKEND=//p' .env | tail -n 1)}; \
	if [ "$$backend" = rq ]; then run="$(BIN)/inovda rqworker --job-class django_tasks_rq.Job default"; \
	else run="$(BIN)/inovda worker --no-reload"; fi; \
	DEBUG=false $$run & worker=$$!; trap 'kill $$worker' EXIT INT TERM; \
	DEBUG=false $(BIN)/gunicorn -c gunicorn.conf.py

worker: install
	$(BIN)/inovda worker

# The worker of the Redis queue, for TASKS_BACKEND=rq (RQ_URL); start as many as needed.
rqworker: install
	TASKS_BACKEND=rq $(BIN)/inovda rqworker --job-class django_tasks_rq.Job default

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy

unit: install
	$(BIN)/pytest -m "not browser"

browser: install
	$(BIN)/pytest -m browser

test: lint typecheck
	$(BIN)/python -m pytest

# Production settings (DEBUG off, gunicorn); set BENCH_DATABASE_URL for PostgreSQL.
bench: install
	@$(BIN)/python -c "import locust" 2>/dev/null || $(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) .env *.egg-info
