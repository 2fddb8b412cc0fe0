# Two commands on a fresh machine: `make run` starts the app (with demo data), `make test` runs the tests.
# Both install the exact versions of requirements/test.txt (hashes checked); `make lock` refreshes the lock files
# to the newest releases pyproject.toml allows, for Linux and Windows alike, and runs the tests on them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LOCK := requirements/test.txt
UV_VERSION := 0.13.9
COMPILE = $(BIN)/uv pip compile pyproject.toml --universal --python-version 3.11 --generate-hashes --upgrade --quiet

.PHONY: run test lint lock clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-test: $(BIN)/python pyproject.toml $(LOCK)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

run: $(VENV)/.installed-test
	$(BIN)/python -m fieldact run --windowed --demo

test: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/lint-imports

# requirements/test.txt: the app and its tests (make, .ci/run, the Windows workflow's tests);
# requirements/bundle.txt: the app and PyInstaller (.ci/bundle, the Windows installer). One file per use, each
# resolved for every platform (environment markers; hashes of the Linux and the Windows wheels).
lock: $(BIN)/python
	$(BIN)/python -m pip install --quiet "uv==$(UV_VERSION)"
	$(COMPILE) --extra test -o requirements/test.txt
	$(COMPILE) --extra bundle -o requirements/bundle.txt
	$(MAKE) test

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
