#!/usr/bin/env bash
# Usage: scripts/with-dist-server.sh [--dist DIR] [--prefix NAME] [--gzip] -- COMMAND [ARGS...]
#
# Serves DIR (default dist/) with `python3 -m http.server --bind 127.0.0.1` on a free port under the
# sub-path /NAME/ (default /selfcheck/; the server root is a temp dir holding a symlink NAME -> DIR,
# which proves the page only uses relative URLs), exports
#   E2E_BASE_URL=http://127.0.0.1:<port>/<NAME>/   E2E_DIST_DIR=<DIR>
# runs COMMAND, stops the server and exits with COMMAND's status. --gzip serves every file gzip -9
# compressed (scripts/gzip_server.py), as a real host would; the default sends files as they are.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

dist=dist
prefix=selfcheck
server_cmd=(python3 -m http.server)
while [ $# -gt 0 ]; do
  case "$1" in
    --dist) dist="$2"; shift 2 ;;
    --prefix) prefix="$2"; shift 2 ;;
    --gzip) server_cmd=(python3 scripts/gzip_server.py); export E2E_SERVER_GZIP=1; shift ;;
    --) shift; break ;;
    *) break ;;
  esac
done
[ $# -gt 0 ] || { echo "usage: $0 [--dist DIR] [--prefix NAME] -- COMMAND..." >&2; exit 2; }
[ -f "$dist/index.html" ] || { echo "error: $dist/index.html missing: run \`make dist\` first" >&2; exit 1; }
dist="$(cd "$dist" && pwd)"

root="$(mktemp -d "${TMPDIR:-/tmp}/selfcheck-serve.XXXXXX")"
ln -s "$dist" "$root/$prefix"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
log="$root.log"

"${server_cmd[@]}" --bind 127.0.0.1 --directory "$root" "$port" >"$log" 2>&1 </dev/null &
server=$!
cleanup() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  rm -rf "$root" "$log"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export E2E_BASE_URL="http://127.0.0.1:$port/$prefix/"
export E2E_DIST_DIR="$dist"
for _ in $(seq 1 100); do
  if python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1)' "$E2E_BASE_URL" 2>/dev/null; then
    break
  fi
  kill -0 "$server" 2>/dev/null || { echo "error: the dist server exited:" >&2; cat "$log" >&2; exit 1; }
  sleep 0.1
done
echo "[dist server] $E2E_BASE_URL -> $dist (pid $server)"

status=0
"$@" || status=$?
exit "$status"
