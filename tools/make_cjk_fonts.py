#!/usr/bin/python3
"""Regenerates the bundled CJK font subsets in assets/fonts/ from the app's texts.

The app must show Chinese and Korean on machines without any CJK font, so it ships two small subsets
(regular, bold) of Noto Sans CJK SC (SIL OFL 1.1; the SC face also carries every Hangul syllable). They
hold exactly the characters the UI texts use, plus a margin of Latin, Greek, punctuation, arrows and
mathematical signs, so that a string mixing scripts renders in one face.

Run it after adding a text with a new character (the Java test BundledFontCoverageTest fails until you do):

    cd /tmp && apt-get download fonts-noto-cjk python3-fonttools
    dpkg -x fonts-noto-cjk_*.deb /tmp/notocjk && dpkg -x python3-fonttools_*.deb /tmp/fonttools
    PYTHONPATH=/tmp/fonttools/usr/lib/python3/dist-packages /usr/bin/python3 tools/make_cjk_fonts.py \\
        /tmp/notocjk/usr/share/fonts/opentype/noto

`--also <tree>` adds the texts of another checkout (e.g. a branch about to be merged), so one font covers
both. Neither package needs installing on the system (the font must NOT be installed where the screenshots are
taken). The output is deterministic for the same inputs.
"""
import glob
import os
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "assets", "fonts")
FAMILY = "MobileNet Lab CJK"
SC_INDEX = 2  # face order in NotoSansCJK-*.ttc: JP, KR, SC, TC, HK, then the Mono faces
KR_INDEX = 1
# The SC face maps these to full-width glyphs; in formulas such as D_K·D_K·M and in Latin text the KR face's
# proportional ones read better (the faces share one glyph set, only their cmaps differ). Quotes stay SC.
PROPORTIONAL = [0x00B7, 0x2022, 0x2264, 0x2265, 0x226E, 0x226F]

# The margin: whole blocks a mixed string may use (only the code points the font has are kept).
RANGES = [
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x00FF),  # Latin-1 Supplement (×, ·, ², °, …)
    (0x0391, 0x03C9),  # Greek (α, ρ, Σ, …)
    (0x2010, 0x2044),  # General punctuation (dashes, quotes, …, ‰)
    (0x2070, 0x209F),  # super- and subscripts
    (0x2190, 0x21FF),  # arrows
    (0x2200, 0x22FF),  # mathematical operators (−, ≈, ≤, ∑, …)
    (0x2460, 0x24FF),  # enclosed numbers
    (0x25A0, 0x25FF),  # geometric shapes (▶, ■, ●)
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0xFF01, 0xFF5E),  # full-width ASCII forms (，：（）)
]


EXTRA_ROOTS = []  # --also: further source trees (e.g. another branch's checkout) whose texts to cover too


def text_characters():
    """Every character of every properties file of the app and the lessons (all languages)."""
    chars = set()
    paths = []
    for root in [ROOT] + EXTRA_ROOTS:
        paths += glob.glob(os.path.join(root, "*", "src", "main", "resources", "**", "*.properties"), recursive=True)
    for path in sorted(paths):
        with open(path, encoding="utf-8") as f:
            chars.update(f.read())
    return {c for c in chars if c >= " "}


def rename(font, style):
    """A subset is a Modified Version under the OFL: it gets its own family name."""
    names = {1: FAMILY, 2: style, 3: f"{FAMILY} {style} subset", 4: f"{FAMILY} {style}",
             6: f"MobileNetLabCJK-{style}", 16: FAMILY, 17: style}
    table = font["name"]
    for rec in list(table.names):
        if rec.nameID in names or rec.nameID in (18, 21, 22):
            table.removeNames(nameID=rec.nameID)
    for nid, value in names.items():
        table.setName(value, nid, 3, 1, 0x409)
        table.setName(value, nid, 1, 0, 0)
    if "CFF " in font:
        cff = font["CFF "].cff
        cff.fontNames = [names[6]]
        top = cff.topDictIndex[0]
        top.FullName = names[4]
        top.FamilyName = FAMILY


def make(ttc_dir, weight):
    ttc = os.path.join(ttc_dir, f"NotoSansCJK-{weight}.ttc")
    faces = TTCollection(ttc).fonts
    font = faces[SC_INDEX]
    kr_cmap = faces[KR_INDEX].getBestCmap()
    for table in font["cmap"].tables:
        if table.isUnicode():
            for cp in PROPORTIONAL:
                if cp in table.cmap and cp in kr_cmap:
                    table.cmap[cp] = kr_cmap[cp]
    codepoints = {ord(c) for c in text_characters()}
    for lo, hi in RANGES:
        codepoints.update(range(lo, hi + 1))
    options = subset.Options()
    options.layout_features = ["kern", "palt", "vert", "locl", "ccmp", "liga"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.recalc_timestamp = False
    sub = subset.Subsetter(options)
    sub.populate(unicodes=sorted(codepoints))
    sub.subset(font)
    rename(font, weight)
    font.recalcTimestamp = False  # keep the source's date: same inputs, same bytes
    os.makedirs(OUT, exist_ok=True)
    out = os.path.join(OUT, f"MobileNetLabCJK-{weight}.otf")
    font.save(out)
    missing = sorted(c for c in text_characters() if ord(c) not in font.getBestCmap())
    print(f"{out}: {os.path.getsize(out):,} bytes, {len(font.getBestCmap())} characters")
    if missing:
        print("  not in Noto Sans CJK (other fonts must show them): " + " ".join(f"U+{ord(c):04X}" for c in missing))


def main():
    args = sys.argv[1:]
    while "--also" in args:
        i = args.index("--also")
        EXTRA_ROOTS.append(args[i + 1])
        del args[i:i + 2]
    if len(args) != 1:
        sys.exit("usage: make_cjk_fonts.py <folder with NotoSansCJK-Regular.ttc and NotoSansCJK-Bold.ttc>"
                 " [--also <another source tree>]...")
    for weight in ("Regular", "Bold"):
        make(args[0], weight)


if __name__ == "__main__":
    main()
