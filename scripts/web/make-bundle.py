#!/usr/bin/env python3
"""Writes the browser bundle: index.html plus upstander.<hash>.js/.wasm/.data named for
their content (a second visit finds them in the cache), each with a precompressed .gz.
The page references only relative names, so the bundle works from any folder of any web
server."""
import argparse
import gzip
import hashlib
import json
import pathlib
import shutil


def gzip_next_to(path: pathlib.Path):
    data = path.read_bytes()
    # mtime=0: the same input gives the same .gz (and the same ETag) on every build.
    (path.parent / (path.name + ".gz")).write_bytes(gzip.compress(data, 9, mtime=0))


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--from", dest="src", required=True, type=pathlib.Path)
    ap.add_argument("--page", required=True, type=pathlib.Path)
    ap.add_argument("--out", required=True, type=pathlib.Path)
    ap.add_argument("--name", default="upstander", help="the program's file names (upstander-teacher)")
    a = ap.parse_args()

    if a.out.exists():
        shutil.rmtree(a.out)
    a.out.mkdir(parents=True)
    names = {}
    for ext in ["wasm", "data", "js"]:
        src = a.src / f"{a.name}.{ext}"
        digest = hashlib.sha256(src.read_bytes()).hexdigest()[:12]
        names[f"{a.name}.{ext}"] = f"{a.name}.{digest}.{ext}"
    for plain, hashed in names.items():
        shutil.copy(a.src / plain, a.out / hashed)
        gzip_next_to(a.out / hashed)
    page = a.page.read_text(encoding="utf-8")
    page = page.replace("/*UPSTANDER_FILES*/{}", json.dumps(
        {k: v for k, v in names.items() if not k.endswith(".js")}))
    page = page.replace("/*UPSTANDER_JS*/", names[f"{a.name}.js"])
    (a.out / "index.html").write_text(page, encoding="utf-8")
    gzip_next_to(a.out / "index.html")
    total = sum((a.out / (n + ".gz")).stat().st_size for n in list(names.values()) + ["index.html"])
    print(f"make-bundle: {a.out} ({total} bytes gzip-compressed)")


if __name__ == "__main__":
    main()
