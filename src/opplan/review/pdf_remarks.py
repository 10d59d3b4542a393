"""Reviewers' notes and highlights in a PDF, with the page text they are on.

A PDF reader stores a highlight (also underline, strike-out, squiggly) as an
annotation with the quadrilaterals it covers (`/QuadPoints`), and a note
(`/Text`, `/FreeText`) as a rectangle (`/Rect`) on the page; both have the
reviewer's name (`/T`) and text (`/Contents`). The page's text is read with
its positions (pypdf's text visitor): a highlight is about the text inside its
quadrilaterals, a note about the line of text nearest to it.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from typing import Any

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from opplan.errors import UsageError
from opplan.review.remark import Remark

# pypdf logs what it repairs in a damaged file on stderr; what cannot be read is an
# error here, in one line, and what could be is not the reviewer's concern.
logging.getLogger("pypdf").setLevel(logging.ERROR)

MARKUP = {"/Highlight", "/Underline", "/StrikeOut", "/Squiggly"}
NOTES = {"/Text", "/FreeText"}
SLACK = 2.0  # points a fragment may stick out of a highlight and still be in it
LINE_GAP = 3.0  # fragments whose baselines differ by less are on one line
MIDDLE = 0.3  # the middle of a line of text, above its baseline, in font sizes


@dataclass(frozen=True)
class _Fragment:
    text: str
    x: float
    y: float
    size: float


def page_count(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def outside(data: bytes, pages: range) -> int:
    """How many notes and highlights lie on other pages than `pages`."""
    reader = PdfReader(io.BytesIO(data))
    return sum(
        1
        for number, page in enumerate(reader.pages)
        if number not in pages
        for annotation in page.get("/Annots") or []
        if annotation.get_object().get("/Subtype") in MARKUP | NOTES
    )


def keywords(data: bytes, name: str) -> str:
    """The PDF's keywords, where opplan leaves its fingerprint ("" when there are none)."""
    try:
        info = PdfReader(io.BytesIO(data)).metadata
    except (PdfReadError, ValueError) as err:
        raise UsageError(f"{name} cannot be read as a PDF ({err}); save it again") from None
    found = info.get("/Keywords") if info else None
    return str(found) if found else ""


def starts(data: bytes, name: str) -> list[int]:
    """The page (from 0) each top-level bookmark points at: in a review packet, where
    each document starts."""
    try:
        reader = PdfReader(io.BytesIO(data))
        found = [
            reader.get_destination_page_number(entry)
            for entry in reader.outline
            if not isinstance(entry, list)
        ]
    except (PdfReadError, ValueError, KeyError, TypeError) as err:
        raise UsageError(f"{name}: its bookmarks cannot be read ({err}); save it again") from None
    return [page for page in found if page is not None]


def remarks(data: bytes, name: str, pages: range | None = None) -> list[Remark]:
    """Every note and highlight, page by page, top to bottom (on `pages` only, if given)."""
    try:
        reader = PdfReader(io.BytesIO(data))
        every = list(reader.pages)
    except (PdfReadError, ValueError) as err:
        raise UsageError(f"{name} cannot be read as a PDF ({err}); save it again") from None
    found: list[Remark] = []
    for number, page in enumerate(every):
        if pages is not None and number not in pages:
            continue
        annotations = [a.get_object() for a in page.get("/Annots") or []]
        wanted = [a for a in annotations if a.get("/Subtype") in MARKUP | NOTES]
        if not wanted:
            continue
        fragments = _fragments(page)
        for annotation in sorted(wanted, key=lambda a: -float(_rect(a)[3])):
            found.append(_remark(annotation, fragments))
    return found


def _fragments(page: Any) -> list[_Fragment]:
    fragments: list[_Fragment] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if not text.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        fragments.append(_Fragment(text, x, y, size * abs(tm[3] or 1) * abs(cm[3] or 1)))

    page.extract_text(visitor_text=visit)
    return fragments


def _rect(annotation: Any) -> list[float]:
    rect = annotation.get("/Rect") or [0, 0, 0, 0]
    return [float(v) for v in rect]


def _remark(annotation: Any, fragments: list[_Fragment]) -> Remark:
    kind = "highlight" if annotation.get("/Subtype") in MARKUP else "note"
    author = str(annotation.get("/T") or "")
    text = " ".join(str(annotation.get("/Contents") or "").split())
    if kind == "highlight":
        anchor = _inside(_quads(annotation), fragments)
    else:
        anchor = _nearest_line(_rect(annotation), fragments)
    return Remark(kind, author or "unknown reviewer", text, anchor, paragraph=anchor)


def _quads(annotation: Any) -> list[tuple[float, float, float, float]]:
    points = [float(v) for v in annotation.get("/QuadPoints") or []]
    boxes = []
    for at in range(0, len(points) - 7, 8):
        xs, ys = points[at : at + 8 : 2], points[at + 1 : at + 8 : 2]
        boxes.append((min(xs), min(ys), max(xs), max(ys)))
    return boxes or [tuple(_rect(annotation))]  # type: ignore[list-item]


def _inside(boxes: list[tuple[float, float, float, float]], fragments: list[_Fragment]) -> str:
    """The text whose baseline start lies in one of the boxes, in reading order."""
    chosen = [
        f
        for f in fragments
        if any(
            x0 - SLACK <= f.x <= x1 + SLACK and y0 - SLACK <= f.y + f.size * 0.3 <= y1 + SLACK
            for x0, y0, x1, y1 in boxes
        )
    ]
    return " ".join(" ".join(f.text.split()) for f in chosen)


def _nearest_line(rect: list[float], fragments: list[_Fragment]) -> str:
    """The text of the line whose middle is nearest to the middle of a note's icon.

    Readers draw the icon from where the reviewer clicked, some with its top edge
    there and some with its middle, and it is taller than a line of text: its
    middle is what lies beside the line meant.
    """
    if not fragments:
        return ""
    middle = (rect[1] + rect[3]) / 2
    nearest = min(fragments, key=lambda f: abs(f.y + MIDDLE * f.size - middle))
    line = [f for f in fragments if abs(f.y - nearest.y) < LINE_GAP]
    return " ".join(" ".join(f.text.split()) for f in sorted(line, key=lambda f: f.x))
