# Proximity: `make run` starts everything, `make test` runs the whole suite.
# Both do all the set-up a fresh machine needs (virtualenvs, NLU model, database).

SHELL := /bin/bash
VENV := .venv
RASA_VENV := .venv-rasa
PYTHON ?= python3
BIN := $(VENV)/bin

.PHONY: run test test-fast lint format setup nlu-train nlu-report postgres chromium poppler bench bench-turns bench-reminders bench-web bench-reporting clean

run: setup
	$(BIN)/proximity run

test: setup postgres chromium poppler
	$(BIN)/proximity nlu-train
	$(BIN)/ruff check .
	$(BIN)/mypy
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

# Per-intent precision/recall/F1 on the held-out splits (nlu/test/), never seen in training:
# Italian first, then one table per other language (test_data_<lang>.yml).
nlu-report: nlu-train
	cd nlu && for split in test/test_data.yml test/test_data_*.yml; do \
		name=$$(basename $$split .yml); \
		RASA_TELEMETRY_ENABLED=false ../$(RASA_VENV)/bin/rasa test nlu \
			--nlu $$split --model models/proximity-nlu.tar.gz --out results/$$name >/dev/null && \
		echo "== $$name" && ../$(BIN)/python report.py results/$$name || exit 1; \
	done

# PostgreSQL for the storage tests: installs Debian's server when missing, starts it.
postgres:
	@tests/postgres.sh

# Chromium for the web console's browser tests: Debian's package, driven by Playwright.
chromium:
	@tests/chromium.sh

# pdftoppm and pdftotext for the monthly PDF's test: Debian's poppler-utils.
poppler:
	@tests/poppler.sh

# The benchmarks; each prints its figures side by side. The reminders one takes ~13 min.
bench: bench-turns bench-reminders bench-web bench-reporting

# `make bench-turns BASELINE=<commit>` measures that commit first, in the same run.
bench-turns: setup
	$(BIN)/python bench/turns.py $(if $(BASELINE),--baseline $(BASELINE))

bench-reminders: setup
	$(BIN)/python bench/reminders.py

# The web console's pages with 10,000 people, 2,000 handoffs, 200,000 messages (~10 s).
bench-web: setup
	$(BIN)/python bench/web.py

# The funder's indicators and the XLSX/CSV exports with 10,000 participants (~30 s).
bench-reporting: setup
	$(BIN)/python bench/reporting.py

clean:
	rm -rf $(VENV) $(RASA_VENV) nlu/models nlu/results var .pytest_cache .ruff_cache
