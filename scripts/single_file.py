#!/usr/bin/env python3
"""Turn Trunk's dist/ into one self-contained HTML file (default dist/selfcheck.html).

The result opens from file:// with no network: the CSS is inlined into <style>, Trunk's preload
links and loader script are removed, the wasm-bindgen `--target web` glue is pasted into an inline
<script type="module"> with its `export` keywords removed, and the .wasm is embedded as base64 and
passed (decoded) to the glue's init function (-> WebAssembly.instantiate).

The second module (crates/office: report, Word, Excel, cross-check), which the hosted page imports
on first use through `window.selfcheckOffice()` (the inline script with id="office-loader" in
index.html), is embedded the same way in its own inline module script (its own scope: both glues
have the same top-level names); its bytes are decoded and instantiated on the first call only.

Fails loudly (exit 1) whenever the input is not what this expects, in particular if the glue has
`import` lines (wasm-bindgen JS snippets / inline_js), or if anything else in the page references
another file. Usage: scripts/single_file.py [--dist dist] [--out dist/selfcheck.html]
"""
from __future__ import annotations

import argparse
import base64
import html
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import csp  # noqa: E402


class InlineError(Exception):
    pass


def attrs_of(tag: str) -> dict[str, str]:
    """Attributes of one start tag (Trunk writes well-formed, quoted attributes)."""
    out = {}
    for m in re.finditer(r'([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|\'([^\']*)\'|([^\s>]+)))?', tag[1:].split(None, 1)[1] if ' ' in tag else ''):
        val = m.group(2) if m.group(2) is not None else m.group(3) if m.group(3) is not None else m.group(4) or ''
        out[m.group(1).lower()] = html.unescape(val)
    return out


def local_file(dist: Path, url: str) -> Path:
    """The dist/ file a relative (or root-relative) asset URL points at."""
    if re.match(r'^[a-z][a-z0-9+.-]*:', url, re.I) or url.startswith('//'):
        raise InlineError(f'asset URL is not local: {url}')
    rel = url.split('#', 1)[0].split('?', 1)[0].lstrip('/')
    rel = rel[2:] if rel.startswith('./') else rel
    path = (dist / rel).resolve()
    if dist.resolve() not in path.parents or not path.is_file():
        raise InlineError(f'asset {url} is not a file in {dist}')
    return path


def strip_exports(js: str) -> tuple[str, str, list[str]]:
    """Remove `export` from the wasm-bindgen glue. Returns (code, default init name, exported names)."""
    offending = [l for l in js.splitlines() if re.match(r'\s*import\s*[\w{*\'"]', l)]
    if offending or re.search(r'\bimport\s*\(', js):
        raise InlineError(
            'the wasm-bindgen glue imports other modules (JS snippets / inline_js?); the single-file '
            'build cannot inline those. Offending lines:\n  ' + '\n  '.join(offending or ['import(...)']))
    names: list[str] = []
    default = None

    def export_list(m: re.Match) -> str:
        nonlocal default
        for item in m.group(1).split(','):
            item = item.strip()
            if not item:
                continue
            parts = item.split()
            if len(parts) == 3 and parts[1] == 'as':
                if parts[2] == 'default':
                    default = parts[0]
                else:
                    raise InlineError(f'unsupported renamed export: {item}')
            elif len(parts) == 1:
                names.append(parts[0])
            else:
                raise InlineError(f'unsupported export: {item}')
        return ''

    js = re.sub(r'^export\s*\{([^}]*)\}\s*;?[ \t]*$', export_list, js, flags=re.M)
    if re.search(r'^export\s*\{[^}]*\}\s*from\b', js, flags=re.M):
        raise InlineError('the glue re-exports from another module')

    def default_decl(m: re.Match) -> str:
        nonlocal default
        default = m.group(1)
        return ''
    js = re.sub(r'^export\s+default\s+([A-Za-z_$][\w$]*)\s*;?[ \t]*$', default_decl, js, flags=re.M)

    def decl(m: re.Match) -> str:
        names.append(m.group(2))
        return m.group(1)
    js = re.sub(r'^export\s+((?:async\s+)?(?:function\s*\*?|class|const|let|var)\s+([A-Za-z_$][\w$]*))',
                decl, js, flags=re.M)
    if re.search(r'^\s*export\b', js, flags=re.M):
        bad = [l for l in js.splitlines() if re.match(r'\s*export\b', l)]
        raise InlineError('export statements left that this script does not understand:\n  ' + '\n  '.join(bad))
    if default is None:
        raise InlineError('no default export (the wasm-bindgen init function) found in the glue')
    return js, default, names


def script_safe(code: str, what: str) -> str:
    """Make code safe inside <script>...</script>."""
    if '<!--' in code:
        raise InlineError(f'{what} contains "<!--", which breaks inline <script> parsing')
    return re.sub(r'</(script)', r'<\\/\1', code, flags=re.I)


def build(dist: Path) -> str:
    page = (dist / 'index.html').read_text(encoding='utf-8')

    # 1. Trunk's loader: <script type="module"> import init ... from '<js>'; init(... '<wasm>' ...)
    loaders = [m for m in re.finditer(r'<script\b[^>]*type=["\']?module["\']?[^>]*>(.*?)</script>', page, re.S | re.I)
               if re.search(r'\bimport\s+init\b', m.group(1))]
    if len(loaders) != 1:
        raise InlineError(f'expected exactly one Trunk loader script in index.html, found {len(loaders)}')
    loader = loaders[0]
    body = loader.group(1)
    if '__trunkInitializer' in body:
        raise InlineError('Trunk initializer (data-initializer) is not supported by the single-file build')
    js_m = re.search(r'''from\s+['"]([^'"]+\.js)['"]''', body)
    wasm_m = re.search(r'''['"]([^'"]+\.wasm)['"]''', body)
    if not js_m or not wasm_m:
        raise InlineError('could not find the .js / .wasm names in the Trunk loader')
    js_path, wasm_path = local_file(dist, js_m.group(1)), local_file(dist, wasm_m.group(1))
    bindings_m = re.search(r'window\.([A-Za-z_$][\w$]*)\s*=\s*bindings', body)

    glue, init_name, names = strip_exports(js_path.read_text(encoding='utf-8'))
    wasm_b64 = base64.b64encode(wasm_path.read_bytes()).decode('ascii')
    expose = f'window.{bindings_m.group(1)} = {{ {", ".join(names)} }};\n' if bindings_m else ''
    script = (
        '<script type="module">\n'
        f'// ---- wasm-bindgen glue ({js_path.name}), exports removed ----\n'
        f'{script_safe(glue, js_path.name)}\n'
        f'// ---- {wasm_path.name}, embedded (own block scope: the glue has a top-level `wasm`) ----\n'
        '{\n'
        f'  const b64 = "{wasm_b64}";\n'
        '  const s = atob(b64);\n'
        '  const bytes = new Uint8Array(s.length);\n'
        '  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);\n'
        f'  const wasm = await {init_name}({{ module_or_path: bytes }});\n'
        f'  {expose}'
        '  dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));\n'
        '}\n'
        '</script>'
    )
    page = page[:loader.start()] + '\x00LOADER\x00' + page[loader.end():]

    # 1b. The second module's loader: the same glue + embedded wasm, instantiated on first call.
    office_script = None
    office = [m for m in re.finditer(r'<script\b[^>]*\bid=["\']office-loader["\'][^>]*>(.*?)</script>', page, re.S | re.I)]
    if len(office) > 1:
        raise InlineError(f'expected at most one office-loader script in index.html, found {len(office)}')
    if office:
        ojs_m = re.search(r'''import\(\s*['"]([^'"]+\.js)['"]\s*\)''', office[0].group(1))
        if not ojs_m:
            raise InlineError('could not find the module the office-loader imports')
        ojs_path = local_file(dist, ojs_m.group(1))
        owasm_path = ojs_path.with_name(ojs_path.stem + '_bg.wasm')
        if not owasm_path.is_file():
            raise InlineError(f'{owasm_path.name} (the wasm of {ojs_path.name}) is not in {dist}')
        oglue, oinit, onames = strip_exports(ojs_path.read_text(encoding='utf-8'))
        ob64 = base64.b64encode(owasm_path.read_bytes()).decode('ascii')
        office_script = (
            '<script type="module">\n'
            f'// ---- wasm-bindgen glue ({ojs_path.name}), exports removed ----\n'
            f'{script_safe(oglue, ojs_path.name)}\n'
            f'// ---- {owasm_path.name}, embedded; decoded and instantiated on the first call ----\n'
            'let officeLoading;\n'
            'window.selfcheckOffice = () => officeLoading ??= (async () => {\n'
            f'  const s = atob("{ob64}");\n'
            '  const bytes = new Uint8Array(s.length);\n'
            '  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);\n'
            f'  await {oinit}({{ module_or_path: bytes }});\n'
            f'  return {{ {", ".join(onames)} }};\n'
            '})();\n'
            '</script>'
        )
        page = page[:office[0].start()] + '\x00OFFICE\x00' + page[office[0].end():]

    # 2. Links: drop preloads, inline stylesheets, keep data: icons; anything else is an error.
    def link(m: re.Match) -> str:
        tag = m.group(0)
        a = attrs_of(tag)
        rel = a.get('rel', '').lower().split()
        href = a.get('href', '')
        if 'modulepreload' in rel or 'preload' in rel:
            return ''
        if 'stylesheet' in rel:
            css = local_file(dist, href).read_text(encoding='utf-8')
            code = re.sub(r'/\*.*?\*/', '', css, flags=re.S)  # ignore comments
            if re.search(r'@import\b', code):
                raise InlineError(f'{href} uses @import')
            for u in re.findall(r'url\(\s*[\'"]?([^\'")]+)', code):
                if not u.startswith(('data:', '#')):
                    raise InlineError(f'{href} references another file: url({u})')
            if re.search(r'</style', css, re.I):
                raise InlineError(f'{href} contains "</style"')
            return f'<style>\n{css}\n</style>'
        if href.startswith('data:') or not href:
            return tag
        raise InlineError(f'unexpected <link> that references another file: {tag}')
    page = re.sub(r'<link\b[^>]*>', link, page, flags=re.I)

    # 3. Nothing else may reference a file.
    for m in re.finditer(r'<(?:script|img|iframe|source|video|audio|embed|object)\b[^>]*\b(?:src|data)\s*=\s*["\']?([^"\'\s>]+)', page, re.I):
        if not m.group(1).startswith(('data:', 'blob:')):
            raise InlineError(f'index.html references another file: {m.group(0)}')
    if re.search(r'<script\b(?![^>]*type=["\']?module)', page, re.I) and re.search(r'<script\b[^>]*\bsrc=', page, re.I):
        raise InlineError('external <script src> left in index.html')

    page = page.replace('\x00LOADER\x00', script)
    if office_script is not None:
        page = page.replace('\x00OFFICE\x00', office_script)
    # 4. The policy: the hosted page's (with its loader's hash) is replaced by one for this file:
    #    only the script written above, and no connections at all.
    return csp.apply(page, 'none')


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--dist', default='dist', type=Path)
    ap.add_argument('--out', default=None, type=Path)
    args = ap.parse_args()
    out = args.out or args.dist / 'selfcheck.html'
    try:
        result = build(args.dist)
    except (InlineError, OSError) as e:
        print(f'single_file.py: ERROR: {e}', file=sys.stderr)
        return 1
    out.write_text(result, encoding='utf-8')
    print(f'single_file.py: wrote {out} ({len(result.encode()) / 1024:.1f} KB)')
    return 0


if __name__ == '__main__':
    sys.exit(main())
