"""A redline docx finished as Word writes tracked changes.

pandoc writes the redline's insertions and deletions (`w:ins`, `w:del`); this
pass over `word/document.xml` then

- turns the text of a moved paragraph into a tracked move: `w:moveFrom` where
  it was and `w:moveTo` where it is, each inside a named move range, found by
  the bookmarks `opplanMoveFrom_ID_N` / `opplanMoveTo_ID_N` that the redline
  put there (and removes them);
- tracks the paragraph mark of a wholly inserted, deleted or moved paragraph,
  so that accepting or rejecting it leaves no empty paragraph behind;
- numbers every change (`w:id`) uniquely, as Word expects.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import defaultdict

PARAGRAPH = re.compile(r"<w:p>(.*?)</w:p>", re.S)
KINDS = "ins|del|moveTo|moveFrom"
CHANGE = re.compile(rf'<w:({KINDS}) w:id="\d+"( w:author="[^"]*" w:date="[^"]*")>')
NOT_TEXT = re.compile(r"<w:pPr>.*?</w:pPr>|<w:bookmark(?:Start|End)\b[^>]*/>", re.S)
MOVE_MARK = re.compile(
    r'<w:bookmarkStart w:id="(\d+)" w:name="opplanMove(To|From)_(\w+?)_\d+" />'
    r'\s*<w:bookmarkEnd w:id="\1" />'
)
RANGE_IDS = 80000  # move ranges: one ID shared by a range's start and end
CHANGE_IDS = 90000


def finish(data: bytes) -> bytes:
    """The redline docx with moves, paragraph marks and change IDs as Word writes them."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "word/document.xml":
                content = tracked(content.decode("utf-8")).encode("utf-8")
            target.writestr(item, content)
    return out.getvalue()


def tracked(xml: str) -> str:
    xml = _moves(xml)
    xml = PARAGRAPH.sub(_paragraph_mark, xml)
    counter = iter(range(CHANGE_IDS, 10**9))
    return re.sub(
        rf'<w:({KINDS}) w:id="\d+"', lambda m: f'<w:{m.group(1)} w:id="{next(counter)}"', xml
    )


def _moves(xml: str) -> str:
    """Moved paragraphs' insertions and deletions as moves, in named ranges."""
    paragraphs = list(PARAGRAPH.finditer(xml))
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, found in enumerate(paragraphs):
        mark = MOVE_MARK.search(found.group(1))
        if mark:
            groups[(mark.group(2), mark.group(3))].append(index)
    if not groups:
        return xml
    edits: dict[int, str] = {}
    for number, ((side, move), indexes) in enumerate(sorted(groups.items()), start=RANGE_IDS):
        for position, index in enumerate(indexes):
            inner = MOVE_MARK.sub("", paragraphs[index].group(1))
            inner = _as_move(inner, side)
            change = CHANGE.search(inner)
            who = change.group(2) if change else ""
            if position == 0:
                start = f'<w:move{side}RangeStart w:id="{number}" w:name="move{move}"{who} />'
                inner = _after_properties(inner, start)
            if position == len(indexes) - 1:
                inner += f'<w:move{side}RangeEnd w:id="{number}" />'
            edits[index] = f"<w:p>{inner}</w:p>"
    parts, last = [], 0
    for index, found in enumerate(paragraphs):
        if index in edits:
            parts += [xml[last : found.start()], edits[index]]
            last = found.end()
    return "".join([*parts, xml[last:]])


def _as_move(inner: str, side: str) -> str:
    if side == "To":
        return inner.replace("<w:ins ", "<w:moveTo ").replace("</w:ins>", "</w:moveTo>")
    inner = inner.replace("<w:del ", "<w:moveFrom ").replace("</w:del>", "</w:moveFrom>")
    return inner.replace("<w:delText", "<w:t").replace("</w:delText>", "</w:t>")


def _after_properties(inner: str, element: str) -> str:
    if inner.startswith("<w:pPr>"):
        end = inner.index("</w:pPr>") + len("</w:pPr>")
        return inner[:end] + element + inner[end:]
    if inner.startswith("<w:pPr />"):
        return "<w:pPr />" + element + inner[len("<w:pPr />") :]
    return element + inner


def _paragraph_mark(found: re.Match[str]) -> str:
    """A paragraph whose text is all one kind of change: its mark tracked the same way."""
    inner = found.group(1)
    rest = NOT_TEXT.sub("", inner)
    rest = re.sub(r"<w:move(?:To|From)Range(?:Start|End)\b[^>]*/>", "", rest)
    kinds = set(re.findall(rf"<w:({KINDS}) w:id", rest))
    outside = re.sub(rf"<w:({KINDS}) w:id.*?</w:\1>", "", rest, flags=re.S)
    if len(kinds) != 1 or "<w:r>" in outside or "<w:r " in outside:
        return found.group(0)
    change = CHANGE.search(rest)
    if change is None:
        return found.group(0)
    mark = f'<w:rPr><w:{change.group(1)} w:id="0"{change.group(2)} /></w:rPr>'
    if "<w:pPr />" in inner:
        inner = inner.replace("<w:pPr />", f"<w:pPr>{mark}</w:pPr>", 1)
    elif "<w:pPr>" in inner:
        inner = inner.replace("</w:pPr>", mark + "</w:pPr>", 1)
    else:
        inner = f"<w:pPr>{mark}</w:pPr>{inner}"
    return f"<w:p>{inner}</w:p>"
