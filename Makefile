# Two commands for a fresh machine (see README):
#   make run    set up and open the window on the bundled example
#   make test   set up and run ruff, mypy and the whole test suite
.PHONY: run test lint setup example translations screenshots bench smoke windows

PY := .venv/bin/python

setup:
	bash build_scripts/setup.sh

EXAMPLE := examples/2021年度区信访局预算项目绩效自评表.xlsx

# Without a display (a server, CI) the window opens on a virtual screen instead of failing.
run: setup
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then $(PY) -m evaldesk "$(EXAMPLE)"; \
	else echo "no display: opening on a virtual X screen (xvfb-run)"; \
	xvfb-run -a $(PY) -m evaldesk "$(EXAMPLE)"; fi

lint:
	$(PY) -m ruff check evaldesk tests benchmarks build_scripts
	$(PY) -m mypy

test:
	bash build_scripts/setup.sh --tests
	$(PY) -m ruff check evaldesk tests benchmarks build_scripts
	$(PY) -m mypy
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

example: setup
	$(PY) build_scripts/make_example.py

translations: setup
	$(PY) build_scripts/build_translations.py

screenshots: setup
	QT_QPA_PLATFORM=offscreen $(PY) build_scripts/screenshots.py

bench: setup
	$(PY) benchmarks/run_all.py

# Build the PyInstaller bundle in a clean venv and start it (window, check, pdf).
smoke: setup
	$(PY) build_scripts/smoke_test.py

# evaldesk as a Windows program on a Chinese Windows (code page 936) under Wine: the test suite,
# the command line redirected, the PyInstaller bundle and its smoke test, the installer round trip.
# Downloads stay in build/windows-cache/. See build_scripts/README.md, "Windows".
windows:
	bash build_scripts/windows/setup.sh
	bash build_scripts/windows/bench.sh
