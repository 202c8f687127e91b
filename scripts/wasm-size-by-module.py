#!/usr/bin/env python3
"""Where the page's wasm bytes go, by module of ours and by library.

Builds the page's wasm with v0 symbol mangling (its names carry generic arguments, so the
rendering and reactive code Leptos instantiates for a closure of `app::indicators` counts under
`app::indicators`, not under tachys), lists every function and data segment with twiggy, and
sums the bytes per module. The figures are before wasm-bindgen and wasm-opt (names are needed),
so they are larger than the page's wasm; their proportions are what this is for.

    cargo install twiggy                      # once
    python3 scripts/wasm-size-by-module.py    # builds into /tmp/wasm-size-v0 (about 2 minutes)
    python3 scripts/wasm-size-by-module.py --wasm some.wasm --top 30

See BENCHMARKS.md, "Size".
"""
import argparse
import collections
import csv
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def build(target_dir):
    env = dict(os.environ, CARGO_TARGET_DIR=target_dir, RUSTFLAGS="-C symbol-mangling-version=v0")
    subprocess.run(["cargo", "build", "-q", "--release", "--target", "wasm32-unknown-unknown", "--bin", "app"],
                   cwd=ROOT, env=env, check=True)
    return os.path.join(target_dir, "wasm32-unknown-unknown", "release", "app.wasm")


def group(name):
    """The module a symbol counts under: the first module of ours its name mentions, else its crate."""
    if name.startswith("data segment"):
        return "data (strings, tables)"
    # selfcheck_app::x / selfcheck_core::x (the crates); selfcheck::app::x before the workspace.
    ours = re.search(r"selfcheck(?:_|(?:\[[0-9a-f]+\])?::)(app|core)(?:\[[0-9a-f]+\])?::(\w+)", name)
    if ours:
        return f"{ours.group(1)}::{ours.group(2)}"
    lib = re.match(r"[<&\s(\[]*(?:mut |dyn )?([A-Za-z_0-9]+)", name)
    return "lib " + (lib.group(1) if lib else "?")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--wasm", help="an existing wasm with a name section (skips the build)")
    ap.add_argument("--target-dir", default="/tmp/wasm-size-v0")
    ap.add_argument("--top", type=int, default=40)
    args = ap.parse_args()
    wasm = args.wasm or build(args.target_dir)
    out = subprocess.run(["twiggy", "top", "-n", "1000000", "--format", "csv", wasm], check=True, capture_output=True, text=True).stdout
    csv.field_size_limit(sys.maxsize)
    sizes = collections.Counter()
    for row in csv.DictReader(out.splitlines()):
        name = row["Name"]
        # Sections wasm-bindgen or wasm-opt remove: names, the bindgen descriptors.
        if "section" in name or "describe" in name:
            continue
        sizes[group(name)] += int(row["ShallowSize"])
    total = sum(sizes.values())
    part = lambda prefix: sum(v for k, v in sizes.items() if k.startswith(prefix))
    print(f"{wasm}: {total:,} bytes of code and data (before wasm-bindgen / wasm-opt)")
    for label, prefix in (("our views (app::*)", "app::"), ("our core (core::*)", "core::"), ("libraries", "lib "), ("data", "data")):
        print(f"  {label:24} {part(prefix):>10,}  {100 * part(prefix) / total:5.1f} %")
    print()
    for k, v in sizes.most_common(args.top):
        print(f"{v:>10,}  {100 * v / total:5.1f} %  {k}")


if __name__ == "__main__":
    main()
