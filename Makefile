# Two commands for a fresh machine (see README):
#   make run    set up and open the window on the bundled example
#   make test   set up and run ruff, mypy and the whole test suite
.PHONY: run test lint setup translations screenshots bench

PY := .venv/bin/python

setup:
	bash build_scripts/setup.sh

run: setup
	$(PY) -m evaldesk examples/2021年度区信访局预算项目绩效自评表.xlsx

lint:
	$(PY) -m ruff check evaldesk tests benchmarks build_scripts
	$(PY) -m mypy

test:
	bash build_scripts/setup.sh --tests
	$(PY) -m ruff check evaldesk tests benchmarks build_scripts
	$(PY) -m mypy
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

bench: setup
	$(PY) benchmarks/run_all.py
