"""The narrative has no links: it is read on paper.

A reader in the meeting cannot follow a link, so what it points to must be on
the page. Inline links, reference links, autolinks and bare URLs in the
narrative (the body before the appendix) are reported; the appendix may link.

Options: none.

Passing:

    The 2026 survey of 2,400 sellers (appendix B) found that 61% wait for cash.

Failing (a link):

    The [2026 survey](https://wiki.example.com/survey) found that 61% wait for cash.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from opplan import kinds
from opplan.lint.markdown import prose_lines, search
from opplan.problem import Finding, Level

if TYPE_CHECKING:
    from opplan.document import Document
    from opplan.lint.rule import Options

ID = "body-links"
LEVEL: Level = "warning"
KINDS: tuple[str, ...] = tuple(kinds.where(written=True))  # not generated roll-ups
DEFAULT: dict[str, Any] = {}
NEEDS_MODEL = False

_LINK = re.compile(
    r"!?\[[^\]\n]*\]\([^)\n]*\)"  # [text](url), ![image](url)
    r"|\[[^\]\n]+\]\[[^\]\n]*\]"  # [text][ref]
    r"|<(?:https?|mailto|ftp):[^>\s]+>"  # <https://...>
    r"|(?<![\w/(<])(?:https?://|www\.)[^\s)>\]]+"  # a bare URL
)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    lines = list(prose_lines(doc.body, doc.body.narrative))
    if not any(any(t in text for t in ("[", "<", "http", "www.")) for _, text in lines):
        return  # the pattern is slow to run over text that cannot match
    for line, column, _ in search(_LINK, lines):
        yield Finding(
            line,
            column,
            "a link in the narrative cannot be followed on paper; "
            "put what it shows in the text or the appendix",
        )
