# Two entry points for a fresh clone: `make report` (the framing report on the seed)
# and `make test` (the whole test suite). Both create .venv from requirements.txt first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: report test lint bench clean

$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $(STAMP)

report: $(STAMP)
	$(PY) -m analysis report seeds/ --out reports

test: $(STAMP)
	$(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check analysis tests benchmarks tools
	$(VENV)/bin/ruff format --check analysis tests benchmarks tools

bench: $(STAMP)
	$(PY) benchmarks/bench_tokenize.py

clean:
	rm -rf $(VENV) reports .pytest_cache .ruff_cache .hypothesis
