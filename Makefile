# Plaint — complaint analytics batch engine.
#
#   make setup    install the system packages Plaint needs (apt-get; sudo only when not root)
#   make build    debug build of every target
#   make test     setup (+ chromium, python3-jsonschema, python3-pil, poppler-utils for the
#                 report tests) + build + the whole test suite (Swift Testing)
#   make demo     setup + build + the monthly job on datasets/demo, reports into reports/
#   make data     regenerate datasets/demo with plaint-datagen (deterministic, seed 42)
#   make simulate the detector's size and power on simulated monthly reports (1,000 histories a
#                 row, debug build); rewrites the tables in docs/statistics.md. Not part of `make test`.
#   make bench    release build, 100 MB and 1 GB exports, raw libcsv vs `plaint run` vs DuckDB,
#                 and a month of 100k tickets added to the 1 GB store vs a full rebuild
#                 (README.md, Performance); the table goes into README.md. Never part of `make test`.
#   make format   swift format, in place
#   make lint     swift format lint, strict
#   make clean    remove build products and demo state

SHELL := /bin/bash
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := libcsv-dev libzstd-dev libsqlite3-dev
# What the tests use besides: a real browser for the report, the JSON Schema validator,
# tools to look at a screenshot and a printed PDF, and the sqlite3 shell (the migration tests
# turn a store back into an older layout with it).
TEST_PACKAGES := chromium python3-jsonschema python3-pil poppler-utils sqlite3
BIN := $(CURDIR)/.build/debug
DEMO_CONFIG := datasets/demo/plaint.yml
DEMO_PERIOD := 2026-10

.PHONY: setup setup-test build test test-spark dist demo data simulate bench format lint clean

# Installs only the Debian packages that are missing (sudo only when not root).
define apt_install
	@missing=""; \
	for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi
endef

setup:
	$(call apt_install,$(APT_PACKAGES))

setup-test: setup
	$(call apt_install,$(TEST_PACKAGES))

build: setup
	$(SWIFT) build

test: setup-test build
	PLAINT_BIN="$(BIN)/plaint" $(SWIFT) test

# The demo through Apache Spark (local[2], PySpark from PyPI in .venv-spark; Java 17 is needed)
# must give the report `plaint run` gives.
SPARK_VENV := $(CURDIR)/.venv-spark
test-spark: build
	$(call apt_install,openjdk-17-jre-headless python3-venv)
	@[ -x "$(SPARK_VENV)/bin/spark-submit" ] || { python3 -m venv "$(SPARK_VENV)" && \
	  "$(SPARK_VENV)/bin/pip" install -q pyspark; }
	PLAINT_BIN="$(BIN)/plaint" SPARK_VENV="$(SPARK_VENV)" contrib/spark/run_test.sh

# A static plaint for executors without a Swift runtime: dist/plaint.
dist: setup
	$(SWIFT) build -c release --product plaint -Xswiftc -static-executable
	mkdir -p dist && cp "$$($(SWIFT) build -c release --show-bin-path)/plaint" dist/plaint && strip dist/plaint
	file dist/plaint

demo: build
	rm -f datasets/demo/plaint.db datasets/demo/plaint.db-wal datasets/demo/plaint.db-shm
	"$(BIN)/plaint" run --config $(DEMO_CONFIG) --period $(DEMO_PERIOD)
	rm -rf reports/demo && cp -R reports/$(DEMO_PERIOD) reports/demo
	@echo "report: reports/$(DEMO_PERIOD)/index.html (copied to reports/demo/)"

data: build
	"$(BIN)/plaint-datagen" demo --out datasets/demo

simulate: build
	scripts/size-power.sh

# The benchmark: DuckDB and PyYAML from PyPI in .venv-bench, GNU time for peak RSS, data in bench/.
BENCH_VENV := .venv-bench
BENCH_SIZES ?= 100,1000
BENCH_REPEAT ?= 3
# The export (MB) whose store a new month is added to, for the steady-state time (0: skip it).
BENCH_MONTHLY ?= 1000

bench: setup
	@command -v /usr/bin/time >/dev/null || { $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time; }
	@[ -x $(BENCH_VENV)/bin/python ] || python3 -m venv $(BENCH_VENV)
	@$(BENCH_VENV)/bin/python -c "import duckdb, yaml" 2>/dev/null || \
	  $(BENCH_VENV)/bin/pip install -q duckdb pyyaml
	$(SWIFT) build -c release --product plaint
	$(SWIFT) build -c release --product plaint-datagen
	$(SWIFT) build -c release --product plaint-bench
	$(BENCH_VENV)/bin/python scripts/bench.py --sizes $(BENCH_SIZES) --repeat $(BENCH_REPEAT) \
	  --monthly $(BENCH_MONTHLY)

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

clean:
	rm -rf .build datasets/demo/plaint.db*
