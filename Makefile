# One command per task. Each target bootstraps .venv from pyproject.toml first;
# when pyproject.toml has not changed since the last install, that step is skipped.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
ARGS   ?=
# The lowest versions pyproject.toml allows (constraints/lowest.txt), in a venv of their own.
LOWEST       := .venv-lowest
LOWEST_BIN   := $(LOWEST)/bin
LOWEST_STAMP := $(LOWEST)/.installed
LOWEST_TESTS ?= tests

.PHONY: run test test-slow test-lowest lint format freeze demo bench clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

run: $(STAMP)  ## open the app (your real journal unless ARGS="--data-dir DIR")
	$(BIN)/python -m recovery_desktop $(ARGS)

demo: $(STAMP)  ## open a throwaway journal full of sample data
	$(BIN)/python -m recovery_desktop --demo

lint: $(STAMP)
	$(BIN)/ruff check recovery_desktop tests bench freeze
	$(BIN)/ruff format --check recovery_desktop tests bench freeze
	$(BIN)/mypy recovery_desktop freeze
	$(BIN)/mypy bench
	$(BIN)/lint-imports

format: $(STAMP)
	$(BIN)/ruff format recovery_desktop tests bench freeze
	$(BIN)/ruff check --fix recovery_desktop tests bench freeze

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

test-slow: $(STAMP)  ## the long proofs only (marked slow), e.g. 500 kills of a saving app
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m slow

$(LOWEST_STAMP): pyproject.toml constraints/lowest.txt
	@test -x $(LOWEST_BIN)/python || $(PYTHON) -m venv $(LOWEST)
	$(LOWEST_BIN)/python -m pip install --quiet --disable-pip-version-check \
		-c constraints/lowest.txt -e '.[dev]'
	@touch $(LOWEST_STAMP)

test-lowest: $(LOWEST_STAMP)  ## tests and bundle again on the lowest versions (LOWEST_TESTS=...)
	$(LOWEST_BIN)/ruff check recovery_desktop tests
	$(LOWEST_BIN)/ruff format --check recovery_desktop tests
	QT_QPA_PLATFORM=offscreen $(LOWEST_BIN)/python -m pytest $(LOWEST_TESTS)
	$(LOWEST_BIN)/pyinstaller --noconfirm --clean --log-level ERROR \
		--distpath build/lowest/dist --workpath build/lowest/work build.spec
	QT_QPA_PLATFORM=offscreen build/lowest/dist/recovery-desktop/recovery-desktop --self-test

# Never part of `make test`. Without a display it runs under Xvfb when xvfb-run is there.
bench: $(STAMP)  ## start-up, pages, saves, summary, memory against the targets (< 3 min)
	@if [ -z "$$DISPLAY" ] && command -v xvfb-run >/dev/null; then \
		xvfb-run -a -s "-screen 0 1366x768x24" $(BIN)/python bench/run.py $(ARGS); \
	else \
		$(BIN)/python bench/run.py $(ARGS); \
	fi

freeze: $(STAMP)  ## build the one-folder bundle in dist/recovery-desktop/
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN build.spec

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
