#!/usr/bin/env python3
"""Writes a minified (one-line) scenario pack with a chosen number of errors, for measuring
the memory and time of `upstander-content check` on hostile packs (issue 16, item 7).

usage: bench/make_error_pack.py [--errors N] [--bytes B] OUT.json

Every node carries one misspelled key ("txet"), so the pack has exactly N unknown-key
errors; the node texts are padded so the whole file is about B bytes on a single line.
"""
import argparse
import json


def header():
    return {
        "type": "scenario", "format_version": 1, "id": "error-pack", "locales": ["en", "ko"],
        "title": {"en": "Errors", "ko": "오류"}, "summary": {"en": "Many errors.", "ko": "오류가 많아."},
        "content_note": {"en": "Nothing upsetting.", "ko": "괜찮은 내용이야."},
        "audience": {"min_age": 12, "max_age": 18}, "minutes": 1, "learning_goals": ["real_harm"],
        "review": {"status": "draft"}, "player": "me", "start": "n0",
        "characters": [{"id": "me", "name": {"en": "You", "ko": "나"}, "avatar": {"color": "#4a90d9"}}],
    }


def ending():
    layer = lambda en, ko: {"text": {"en": en, "ko": ko}}
    rules = layer("Making one is a crime.", "만드는 것도 범죄야.")
    rules["sources"] = ["https://example.org/law"]
    return {"id": "end", "kind": "ending", "outcome": "upstander", "title": {"en": "The end", "ko": "끝"},
            "text": {"en": "It is over.", "ko": "끝났어."},
            "debrief": {"targeted": layer("She felt supported.", "지지받았다고 느꼈어."),
                        "around": layer("Friends noticed.", "친구들이 알아챘어."), "rules": rules},
            "help": ["counselling"]}


def node(i, n, pad):
    return {"id": f"n{i}", "kind": "narration", "text": {"en": "a" + pad, "ko": "b"}, "txet": 0,
            "next": f"n{i + 1}" if i + 1 < n else "end"}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", type=int, default=50_000)
    ap.add_argument("--bytes", type=int, default=4 << 20)
    ap.add_argument("out")
    a = ap.parse_args()
    dump = lambda v: json.dumps(v, ensure_ascii=False, separators=(",", ":"))
    bare = len(dump(node(a.errors // 2, a.errors, "")).encode())
    pad = "x" * max(0, (a.bytes - 1200) // a.errors - bare - 1)
    pack = header()
    pack["nodes"] = [node(i, a.errors, pad) for i in range(a.errors)] + [ending()]
    text = dump(pack)
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {a.out}: {len(text.encode())} bytes on one line, {a.errors} unknown-key errors")


if __name__ == "__main__":
    main()
