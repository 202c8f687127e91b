# selfcheck — 绩效自评自查: a Leptos (CSR) page built with Trunk, plus a native CLI.
#
#   make setup   install/check the toolchain (idempotent, version-checked)
#   make serve   dev server on http://127.0.0.1:8080/ (trunk serve, release build)
#   make dist    release build into dist/ (relative URLs) + single file dist/selfcheck.html
#   make test    lint (fmt, clippy), native tests, wasm tests in headless Chromium, dist, Playwright e2e
#   make bench   cargo bench + page size / first-render measurement
#   make clean   remove build outputs
#
# Works non-interactively (CI=true, no tty). Exits non-zero on any failure.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
.NOTPARALLEL:
.DELETE_ON_ERROR:

export PATH := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(CURDIR)/e2e/node_modules/.bin:$(PATH)
export CARGO_TERM_PROGRESS_WHEN := never
export CHROMEDRIVER ?= /usr/bin/chromedriver
# wasm-bindgen-test-runner: run the wasm tests in the browser (via CHROMEDRIVER) even where a test
# file lacks `wasm_bindgen_test_configure!(run_in_browser)`.
export WASM_BINDGEN_USE_BROWSER ?= 1

DIST      := dist
SINGLE    := $(DIST)/selfcheck.html
E2E_TESTS  = $(sort $(wildcard e2e/*.test.mjs))
# `make X NO_SETUP=1` skips the setup prerequisite (used by `test` after it ran setup once).
SETUP     := $(if $(NO_SETUP),,setup)

.PHONY: help setup serve dist single-file test lint test-native test-wasm test-e2e bench bench-cargo bench-page clean distclean

help:
	@sed -n 's/^#   //p' Makefile

setup:
	@scripts/setup.sh

# Builds into target/trunk-serve (not dist/, so a running server never clobbers `make dist`).
serve: $(SETUP)
	trunk serve --address 127.0.0.1 --port 8080 --dist target/trunk-serve

# Release build with relative asset URLs (works under any sub-path), then the single file.
dist: $(SETUP)
	trunk build --release --public-url ./ --dist $(DIST)
	python3 scripts/csp.py $(DIST)/index.html --connect self
	$(MAKE) --no-print-directory single-file

single-file:
	python3 scripts/single_file.py --dist $(DIST) --out $(SINGLE)

test: setup
	$(MAKE) --no-print-directory lint test-native test-wasm dist test-e2e NO_SETUP=1
	@echo
	@echo "==> make test: PASSED (fmt, clippy, native tests, wasm tests in Chromium, dist, e2e: $(words $(E2E_TESTS)) files)"

# Formatting and clippy (warnings are errors), for the native build and the page's wasm build.
lint: $(SETUP)
	cargo fmt --all --check
	cargo clippy --locked --all-targets -- -D warnings
	cargo clippy --locked --target wasm32-unknown-unknown --lib -- -D warnings

test-native: $(SETUP)
	cargo test --locked --all-targets
	cargo test --locked --doc

test-wasm: $(SETUP)
	cargo test --locked --target wasm32-unknown-unknown --lib --tests

test-e2e: $(SETUP)
	@test -f $(SINGLE) || { echo "error: $(SINGLE) missing: run \`make dist\` first" >&2; exit 1; }
	@test -n "$(E2E_TESTS)" || { echo "error: no e2e/*.test.mjs files" >&2; exit 1; }
	scripts/with-dist-server.sh --dist $(DIST) -- node --test --test-reporter=spec $(E2E_TESTS)

bench: $(SETUP)
	$(MAKE) --no-print-directory bench-cargo dist bench-page NO_SETUP=1

bench-cargo: $(SETUP)
	cargo bench --locked

bench-page: $(SETUP)
	scripts/with-dist-server.sh --dist $(DIST) -- node scripts/bench-page.mjs

clean:
	cargo clean
	rm -rf $(DIST) e2e/artifacts

# Also drops the npm packages (setup reinstalls them with `npm ci`).
distclean: clean
	rm -rf e2e/node_modules
