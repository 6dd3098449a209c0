#!/usr/bin/env python3
"""Stages what the browser bundle packages: the shipped content (scenarios, words, help,
surveys) and the fonts subset to the code points that content and the game's UI use.

The subset keeps hinting (without it FreeType's auto-hinter makes the atlas slower). With
--full-hangul the text fonts keep every Hangul syllable and jamo too (school packs served
by a class server whose words the shipped content does not use; see docs/web.md).
"""
import argparse
import hashlib
import json
import pathlib
import re
import shutil
import subprocess
import sys

CONTENT_FOLDERS = ["scenarios", "locale", "help", "surveys"]
EMOJI_FONT = pathlib.Path("/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf")


def json_strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from json_strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from json_strings(v)


def source_literals(text):
    """Code points in C++ string literals: written as UTF-8 or as \\x escapes."""
    out = set(ch for ch in text if ord(ch) > 0x7E)
    for run in re.findall(r"(?:\\x[0-9A-Fa-f]{2})+", text):
        raw = bytes(int(h, 16) for h in re.findall(r"\\x([0-9A-Fa-f]{2})", run))
        out.update(raw.decode("utf-8", errors="ignore"))
    return out


def common_hangul():
    """KS X 1001's 2,350 syllables (the ones EUC-KR encodes in two bytes): nearly every
    syllable of modern Korean, at a fifth of the font of all 11,172."""
    return {c for c in range(0xAC00, 0xD7A4) if len(chr(c).encode("euc_kr")) == 2}


def code_points(content: pathlib.Path, folders, sources, full_hangul: bool, common: bool = False):
    cps = set(range(0x20, 0x7F)) | {0xA0, 0x2026, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D}
    for folder in folders:
        for f in sorted((content / folder).rglob("*.json")):
            for s in json_strings(json.loads(f.read_text(encoding="utf-8"))):
                cps.update(ord(c) for c in s)
    for src in sources:
        for f in sorted(src.rglob("*.[ch]pp")):
            cps.update(ord(c) for c in source_literals(f.read_text(encoding="utf-8")))
    if full_hangul:
        cps.update(range(0xAC00, 0xD7A4))  # every syllable
        cps.update(range(0x3131, 0x318F))  # compatibility jamo
    if common:
        cps.update(common_hangul())
        cps.update(range(0x3131, 0x318F))
    return cps


def subset(font: pathlib.Path, cps, out: pathlib.Path, hinting=True):
    unicodes = ",".join(f"U+{c:04X}" for c in sorted(cps))
    cmd = [sys.executable, "-m", "fontTools.subset", str(font), f"--unicodes={unicodes}",
           f"--output-file={out}", "--layout-features=*", "--notdef-outline"]
    if not hinting:
        cmd.append("--no-hinting")
    subprocess.run(cmd, check=True)


def write_stamp(out: pathlib.Path):
    """OUT.stamp beside the folder holds a hash of everything staged, rewritten only when it
    changes: the link depends on it, so new content or fonts are packaged again even when no
    code changed (the folder itself is made anew on every run)."""
    digest = hashlib.sha256()
    for f in sorted(p for p in out.rglob("*") if p.is_file()):
        digest.update(str(f.relative_to(out)).encode() + b"\0" + f.read_bytes())
    stamp = out.parent / (out.name + ".stamp")
    text = digest.hexdigest() + "\n"
    if not stamp.exists() or stamp.read_text() != text:
        stamp.write_text(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--content", required=True, type=pathlib.Path)
    ap.add_argument("--assets", required=True, type=pathlib.Path)
    ap.add_argument("--sources", action="append", type=pathlib.Path,
                    help="source folders whose string literals need glyphs (default game/app and ui)")
    ap.add_argument("--folders", default=",".join(CONTENT_FOLDERS),
                    help="content folders to package, comma-separated (the dashboard adds guide)")
    ap.add_argument("--out", required=True, type=pathlib.Path)
    ap.add_argument("--full-hangul", action="store_true")
    ap.add_argument("--common-hangul", action="store_true",
                    help="also KS X 1001's 2,350 syllables (the dashboard: what teachers type)")
    a = ap.parse_args()

    folders = a.folders.split(",")
    sources = a.sources or [pathlib.Path("game/app"), pathlib.Path("ui")]
    if a.out.exists():
        shutil.rmtree(a.out)
    for folder in folders:
        shutil.copytree(a.content / folder, a.out / "content" / folder)
    cps = code_points(a.content, folders, sources, a.full_hangul, a.common_hangul)
    fonts = a.out / "assets" / "fonts"
    fonts.mkdir(parents=True)
    for name in ["NanumGothic.ttf", "NanumGothicBold.ttf"]:
        subset(a.assets / "fonts" / name, cps, fonts / name)
    shutil.copy(a.assets / "fonts" / "NanumGothic-LICENSE.txt", fonts)
    emoji = [c for c in cps if c >= 0x2000]
    if EMOJI_FONT.exists():
        subset(EMOJI_FONT, emoji, fonts / "NotoColorEmoji.ttf", hinting=False)
    write_stamp(a.out)
    sizes = {p.name: p.stat().st_size for p in fonts.iterdir()}
    print(f"stage-content: {len(cps)} code points; fonts {sizes}")


if __name__ == "__main__":
    main()
