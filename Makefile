# The two commands of the README. PYTHON may point at a virtual environment's interpreter.
PYTHON ?= python3

.PHONY: install report test lint

install:
	$(PYTHON) -m pip install -qq --disable-pip-version-check --root-user-action=ignore -e ".[test]"

## The main job: clean, tokenise and analyse the bundled corpus, render the notebook report.
report: install
	$(PYTHON) -m analysis report --out report
	@echo "open report/index.html"

## Every test: lint, unit tests, the shared-corpus tests (skipped without ../shared) and nbval.
test: install lint
	$(PYTHON) -m pytest

lint:
	$(PYTHON) -m ruff check .
