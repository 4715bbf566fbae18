# Proximity: `make run` starts everything, `make test` runs the whole suite.
# Both do all the set-up a fresh machine needs (virtualenvs, NLU model, database).

SHELL := /bin/bash
VENV := .venv
RASA_VENV := .venv-rasa
PYTHON ?= python3
BIN := $(VENV)/bin

.PHONY: run test test-fast lint format setup nlu-train nlu-report postgres bench clean

run: setup
	$(BIN)/proximity run

test: setup postgres
	$(BIN)/proximity nlu-train
	$(BIN)/ruff check .
	$(BIN)/pytest

# The unit and adapter tests only, without the end-to-end journeys (seconds, not minutes).
test-fast: setup
	$(BIN)/pytest -m "not e2e"

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format:
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

setup: $(VENV)/.installed $(RASA_VENV)/.installed

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Proximity needs Python 3.11 or newer as '$(PYTHON)' (set PYTHON=...)."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

# Rasa 3.6 runs on Python 3.10 only, and pins old SQLAlchemy and APScheduler: own venv.
$(RASA_VENV)/.installed: nlu/requirements-rasa.txt
	@py310="$$(tests/find-python310.sh)" || exit 1; \
		echo "Installing Rasa into $(RASA_VENV) with $$py310 (about 2.7 GB, a few minutes)"; \
		"$$py310" -m venv $(RASA_VENV) && \
		$(RASA_VENV)/bin/pip install --quiet --upgrade pip && \
		$(RASA_VENV)/bin/pip install --quiet -r nlu/requirements-rasa.txt
	touch $@

nlu-train: setup
	$(BIN)/proximity nlu-train

# Per-intent precision/recall/F1 on the held-out split (nlu/test/), never seen in training.
nlu-report: nlu-train
	cd nlu && RASA_TELEMETRY_ENABLED=false ../$(RASA_VENV)/bin/rasa test nlu \
		--nlu test/test_data.yml --model models/proximity-nlu.tar.gz --out results >/dev/null
	$(BIN)/python nlu/report.py nlu/results

# PostgreSQL for the storage tests: installs Debian's server when missing, starts it.
postgres:
	@tests/postgres.sh

bench: setup
	$(BIN)/python bench/turns.py

clean:
	rm -rf $(VENV) $(RASA_VENV) nlu/models nlu/results var .pytest_cache .ruff_cache
