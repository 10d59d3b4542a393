"""Characters the PDF's fonts cannot show, for a warning instead of silent gaps.

The PDF uses typst's own fonts and the bundled Carlito (see `pdf.py`), which cover Latin, Greek,
Cyrillic, Hebrew and Arabic but no CJK and no emoji: typst then sets an empty
box and the text is lost from the PDF (docx and HTML use the reader's fonts and
keep it). Fonts put in a `render/fonts/` template folder may have them, so the
check is made only when there are none.
"""

from __future__ import annotations

from opplan import templating
from opplan.config.model import Config
from opplan.render import ast
from opplan.render.prepare import Prepared

SHOWN = 8  # characters named in the warning
UNCOVERED = (  # Unicode ranges none of typst's own fonts has: Hangul, CJK, emoji
    (0x1100, 0x11FF),
    (0x2E80, 0x9FFF),
    (0xA960, 0xA97F),
    (0xAC00, 0xD7FF),
    (0xF900, 0xFAFF),
    (0xFE30, 0xFE4F),
    (0xFF00, 0xFFEF),
    (0x1F000, 0x1FAFF),
    (0x20000, 0x3FFFF),
)


def missing(prepared: Prepared, config: Config) -> str | None:
    """A warning naming the document's characters the PDF cannot show, if any."""
    local = templating.local_dir(config) / "render" / "fonts"
    if local.is_dir() and any(local.iterdir()):
        return None  # fonts of the repository's own: their coverage is theirs
    found = dict.fromkeys(ch for ch in ast.text(prepared.tree["blocks"]) if _uncovered(ch))
    if not found:
        return None
    shown = "".join(list(found)[:SHOWN]) + ("…" if len(found) > SHOWN else "")
    return (
        f"the PDF's fonts have no glyphs for {shown!r}, which are left blank there; "
        "put a font that has them in the render/fonts/ template folder"
    )


def _uncovered(ch: str) -> bool:
    return any(low <= ord(ch) <= high for low, high in UNCOVERED)
