#!/usr/bin/env python3
"""Give a built page its Content-Security-Policy (a <meta http-equiv> first in <head>).

The policy allows exactly what the page does and nothing else:
- scripts: the page's own files ('self', hosted page only) and each inline script by its SHA-256
  hash; no other inline script, no eval. 'wasm-unsafe-eval' lets WebAssembly compile.
- connect-src: 'self' for the hosted page (the .wasm is fetched); 'none' for the single file
  (everything is inside it).
- styles: the page's own sheet (inline in the single file) and style attributes.
- images: 'self', data: and blob: (charts, downloads); objects, base URLs and forms: none.

Usage: scripts/csp.py dist/index.html [--connect self|none]   (rewrites the file in place)
Also used by single_file.py, which recomputes the hash of the script it writes.
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import re
import sys
from pathlib import Path

META_RE = re.compile(r'<meta\s+http-equiv=["\']Content-Security-Policy["\'][^>]*>\s*', re.I)
SCRIPT_RE = re.compile(r'<script\b([^>]*)>(.*?)</script>', re.S | re.I)


def inline_hashes(page: str) -> list[str]:
    """'sha256-…' of every inline script (a script with src is loaded, not hashed)."""
    out = []
    for m in SCRIPT_RE.finditer(page):
        if re.search(r'\bsrc\s*=', m.group(1), re.I):
            continue
        digest = hashlib.sha256(m.group(2).encode('utf-8')).digest()
        out.append("'sha256-" + base64.b64encode(digest).decode('ascii') + "'")
    return out


def policy(page: str, connect: str) -> str:
    hosted = connect == 'self'
    scripts = (["'self'"] if hosted else []) + inline_hashes(page) + ["'wasm-unsafe-eval'"]
    parts = [
        "default-src 'none'",
        'script-src ' + ' '.join(scripts),
        "style-src " + ("'self' " if hosted else '') + "'unsafe-inline'",
        "img-src 'self' data: blob:",
        "connect-src " + ("'self'" if hosted else "'none'"),
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ]
    return '; '.join(parts)


def apply(page: str, connect: str) -> str:
    """The page with its policy (any earlier policy replaced)."""
    page = META_RE.sub('', page)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(page, connect)}">\n  '
    m = re.search(r'<head[^>]*>\s*(<meta\s+charset=[^>]*>\s*)?', page, re.I)
    if not m:
        raise ValueError('no <head> in the page')
    return page[:m.end()] + meta + page[m.end():]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('page', type=Path)
    ap.add_argument('--connect', choices=['self', 'none'], default='self')
    a = ap.parse_args()
    text = a.page.read_text(encoding='utf-8')
    if not SCRIPT_RE.search(text):
        print(f'csp.py: ERROR: no script in {a.page}', file=sys.stderr)
        return 1
    a.page.write_text(apply(text, a.connect), encoding='utf-8')
    print(f'csp.py: policy written into {a.page}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
