#!/usr/bin/env python3
"""A static file server that sends every file gzip -9 compressed (Content-Encoding: gzip) to a
client that accepts it, as a real host of dist/ would; for `scripts/with-dist-server.sh --gzip`
(the first-load measurement of scripts/bench-page.mjs with compression: BENCHMARKS.md).

Usage: scripts/gzip_server.py --bind 127.0.0.1 --directory ROOT PORT
"""
import argparse
import functools
import gzip
import http.server
import os

_cache: dict[tuple[str, float], bytes] = {}


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, '.wasm': 'application/wasm', '.js': 'text/javascript'}

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, 'index.html')
        if 'gzip' not in self.headers.get('Accept-Encoding', '') or not os.path.isfile(path):
            return super().send_head()
        key = (path, os.path.getmtime(path))
        body = _cache.get(key)
        if body is None:
            with open(path, 'rb') as f:
                body = _cache[key] = gzip.compress(f.read(), 9)
        self.send_response(200)
        self.send_header('Content-Type', self.guess_type(path))
        self.send_header('Content-Encoding', 'gzip')
        self.send_header('Content-Length', str(len(body)))
        self.send_header('Cache-Control', 'no-store')
        self.end_headers()
        import io
        return io.BytesIO(body)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bind', default='127.0.0.1')
    ap.add_argument('--directory', default='.')
    ap.add_argument('port', type=int)
    a = ap.parse_args()
    handler = functools.partial(Handler, directory=a.directory)
    http.server.ThreadingHTTPServer((a.bind, a.port), handler).serve_forever()


if __name__ == '__main__':
    main()
