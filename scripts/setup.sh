#!/usr/bin/env bash
# Idempotent toolchain setup for building and testing the page (called by `make setup`).
# Every step checks what is installed (and its version) and is skipped when already satisfied.
# Non-interactive: safe with CI=true and no tty. Only crates.io, npm and Debian apt are used.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

TRUNK_VERSION="${TRUNK_VERSION:-0.21.14}"
WASM_OPT_VERSION="version_132"          # npm binaryen@132.0.0, see e2e/package.json
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/e2e/node_modules/.bin:$PATH"

say() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

# Run as root directly, otherwise through sudo (non-interactive) when available.
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@";
  elif command -v sudo >/dev/null 2>&1; then sudo -n "$@";
  else die "need root (or sudo) to run: $*"; fi
}

for tool in cargo rustup node npm python3; do
  command -v "$tool" >/dev/null 2>&1 || die "'$tool' is not on PATH (needed: rustup/cargo, node/npm, python3)"
done

# 1. The wasm target.
if [[ "$(rustup target list --installed)" == *wasm32-unknown-unknown* ]]; then
  say "rust target wasm32-unknown-unknown: present"
else
  say "rust target wasm32-unknown-unknown: installing"
  rustup target add wasm32-unknown-unknown
fi

# 2. Cargo.lock (commit it!). Without one, make it once so that the versions below are known.
if [ ! -f Cargo.lock ]; then
  say "Cargo.lock missing: generating it (commit Cargo.lock for reproducible builds)"
  cargo generate-lockfile
fi

# The wasm-bindgen version the crate links against; the CLI must be exactly this version.
WB_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
[ -n "$WB_VERSION" ] || die "could not read the wasm-bindgen version from Cargo.lock"
TRUNK_WB="$(sed -n 's/^wasm_bindgen *= *"\(.*\)".*/\1/p' Trunk.toml)"
[ "$TRUNK_WB" = "$WB_VERSION" ] ||
  die "Trunk.toml [tools] wasm_bindgen = \"$TRUNK_WB\" but Cargo.lock has wasm-bindgen $WB_VERSION: update Trunk.toml"

# 3. Trunk.
have_version() { # <command> <expected substring of `command --version`>
  local out
  command -v "$1" >/dev/null 2>&1 && out="$("$1" --version 2>/dev/null)" && [[ "$out" == *"$2"* ]]
}
if have_version trunk "trunk $TRUNK_VERSION"; then
  say "trunk $TRUNK_VERSION: present"
else
  say "trunk $TRUNK_VERSION: installing (cargo install, ~6 min on 2 cores)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# 4. wasm-bindgen-cli (wasm-bindgen + wasm-bindgen-test-runner), same version as Cargo.lock.
#    Deliberately without --locked: its own lockfile pins a crate version the registry lacks.
if have_version wasm-bindgen "wasm-bindgen $WB_VERSION" &&
   have_version wasm-bindgen-test-runner "$WB_VERSION"; then
  say "wasm-bindgen-cli $WB_VERSION: present"
else
  say "wasm-bindgen-cli $WB_VERSION: installing (cargo install, ~2 min)"
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
fi

# 5. npm packages for e2e/ and wasm-opt (binaryen), pinned by e2e/package-lock.json.
npm_ok() {
  [ -d e2e/node_modules ] || return 1
  [ e2e/node_modules/.package-lock.json -nt e2e/package-lock.json ] || return 1
  have_version e2e/node_modules/.bin/wasm-opt "$WASM_OPT_VERSION" || return 1
  [ -f e2e/node_modules/playwright-core/package.json ] || return 1
}
if npm_ok; then
  say "e2e npm packages (playwright-core, binaryen $WASM_OPT_VERSION): present"
else
  say "e2e npm packages: npm ci"
  (cd e2e && npm ci --no-audit --no-fund --loglevel=error)
  have_version e2e/node_modules/.bin/wasm-opt "$WASM_OPT_VERSION" || die "wasm-opt is not $WASM_OPT_VERSION after npm ci"
fi

# 6. Chromium and its WebDriver from Debian (for wasm-bindgen-test-runner and Playwright), plus a
#    small CJK font so that screenshots show the Chinese text instead of boxes.
export DEBIAN_FRONTEND=noninteractive
need_font=0
if command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh 2>/dev/null | head -n1)" ]; then
  say "CJK font: present"
else
  need_font=1
fi
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  say "chromium + chromedriver: present ($(/usr/bin/chromium --version 2>/dev/null | head -n1))"
  if [ "$need_font" = 1 ]; then   # nice to have only: never fail the build for it
    say "CJK font: installing fonts-wqy-microhei (best effort)"
    { as_root apt-get update -q && as_root apt-get install -y -q fonts-wqy-microhei; } ||
      say "warning: could not install a CJK font; screenshots will show boxes for Chinese text"
  fi
else
  pkgs=(chromium chromium-driver)
  [ "$need_font" = 0 ] || pkgs+=(fonts-wqy-microhei)
  say "apt-get install ${pkgs[*]}"
  as_root apt-get update -q
  as_root apt-get install -y -q "${pkgs[@]}"
fi

# 7. All crates, so that builds need no network.
say "cargo fetch --locked"
cargo fetch --locked
say "done"
