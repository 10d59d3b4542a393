"""The PDF's fonts for HTML: embedded in the page, cut down to the characters it uses.

The PDF is set in typst's own fonts (Libertinus Serif, DejaVu Sans Mono), which a
reader's browser seldom has, so an HTML page embeds them as `@font-face` rules
with WOFF data: it then looks and prints like the PDF. A font comes from a
`render/fonts/` template folder when one is there (as for the PDF), else from
the fonts built into the typst wheel, which carries them as plain OpenType
files. Each face is subset (fontTools) to the characters of the page, so it
adds tens of kilobytes, not megabytes.
"""

from __future__ import annotations

import base64
import io
import struct
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from pathlib import Path

import typst
from fontTools import subset
from fontTools.ttLib import TTFont, TTLibError

# (family, weight, style, the font's full name)
FACES = (
    ("Libertinus Serif", "normal", "normal", "Libertinus Serif Regular"),
    ("Libertinus Serif", "bold", "normal", "Libertinus Serif Bold"),
    ("Libertinus Serif", "normal", "italic", "Libertinus Serif Italic"),
    ("Libertinus Serif", "bold", "italic", "Libertinus Serif Bold Italic"),
    ("DejaVu Sans Mono", "normal", "normal", "DejaVu Sans Mono"),
)
SIGNATURES = (b"OTTO", b"\x00\x01\x00\x00")  # CFF and TrueType OpenType files
NEEDED_TABLES = {b"head", b"name", b"cmap"}
# The characters every page gets: Latin letters, punctuation, arrows, math signs.
COMMON = frozenset(
    (*range(0x20, 0x7F), *range(0xA0, 0x180), *range(0x2000, 0x2070), *range(0x2190, 0x21A0))
) | {0x20AC, 0x2122, 0x2212, 0x2264, 0x2265, 0x2260, 0x221E, 0x2248, 0xFFFD}


def font_faces(text: str, folders: Iterable[str]) -> str:
    """`@font-face` rules for the PDF's fonts, holding the characters of `text`."""
    extra = frozenset(ord(ch) for ch in text) - COMMON
    rules = []
    for family, weight, style, name in FACES:
        data = _subset(name, tuple(folders), extra)
        if data is None:
            continue
        woff = base64.b64encode(data).decode("ascii")
        rules.append(
            f'@font-face {{ font-family: "{family}"; font-weight: {weight}; '
            f"font-style: {style}; src: url(data:font/woff;base64,{woff}) "
            'format("woff"); }'
        )
    return "\n".join(rules)


@lru_cache(maxsize=64)
def _subset(name: str, folders: tuple[str, ...], extra: frozenset[int]) -> bytes | None:
    """Font `name` cut down to the common characters and `extra`, as WOFF data.

    Subsetting takes about a second a face, so the result is kept for the next
    document: most use only the common characters.
    """
    data = {**builtin_fonts(), **_folder_fonts(folders)}.get(name)
    if data is None:
        return None
    options = subset.Options()
    options.flavor = "woff"
    options.hinting = False  # screens and printers hint for themselves
    options.drop_tables += ["FFTM"]  # a font editor's timestamp
    font = TTFont(io.BytesIO(data), recalcTimestamp=False)  # the same bytes every time
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(COMMON | extra))
    subsetter.subset(font)
    out = io.BytesIO()
    font.flavor = "woff"
    font.save(out)
    return out.getvalue()


@cache
def builtin_fonts() -> dict[str, bytes]:
    """The fonts built into the typst wheel, by full name (the ones named in FACES)."""
    wanted = {name for *_, name in FACES}
    library = next(Path(typst.__file__).parent.glob("_typst*"), None)
    if library is None:
        return {}
    return {name: font for name, font in _fonts_in(library.read_bytes()) if name in wanted}


@cache
def _folder_fonts(folders: tuple[str, ...]) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    for folder in reversed(folders):  # the first folder wins, as for typst
        for path in sorted(Path(folder).glob("*")):
            if path.suffix.lower() in (".otf", ".ttf"):
                found.update(_fonts_in(path.read_bytes()))
    return found


def _fonts_in(data: bytes) -> Iterator[tuple[str, bytes]]:
    """Each OpenType font stored whole in `data`, with its full name."""
    for signature in SIGNATURES:
        start = data.find(signature)
        while start >= 0:
            font = _font_at(data, start)
            if font is not None:
                yield font
            start = data.find(signature, start + 4)


def _font_at(data: bytes, start: int) -> tuple[str, bytes] | None:
    """The font whose table directory starts at `start`, if one does."""
    (tables,) = struct.unpack_from(">H", data, start + 4) if start + 6 <= len(data) else (0,)
    if not 4 <= tables <= 40 or start + 12 + 16 * tables > len(data):
        return None
    records = [struct.unpack_from(">4sIII", data, start + 12 + 16 * k) for k in range(tables)]
    tags = {tag for tag, *_ in records}
    if not tags >= NEEDED_TABLES or not all(32 <= c < 127 for tag in tags for c in tag):
        return None
    end = max(offset + length for _, _, offset, length in records)
    font = data[start : start + end]
    try:
        name = TTFont(io.BytesIO(font), lazy=True)["name"].getDebugName(4)
    except (TTLibError, struct.error, KeyError, ValueError, AssertionError):
        return None
    return (str(name), font) if name else None
