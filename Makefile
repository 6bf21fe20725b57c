# Everything a fresh machine with Python >= 3.11 needs. See README.md.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: install demo test lint typecheck unit browser bench clean

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
	$(BIN)/inovda runserver 127.0.0.1:8000

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
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) .env *.egg-info
