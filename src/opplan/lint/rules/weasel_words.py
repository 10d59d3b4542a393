"""The narrative uses data, not adjectives and hedges.

"Significantly reduce errors" says less than "reduce errors from 1.2% to
0.8%". Each word or phrase of `words` found in the narrative (the body before
the appendix, code excepted) is reported at its line and column. Matching is
case-blind on whole words.

Options: `words` (the list below; setting it replaces the list).

Passing:

    We cut payment failures from 1.2% to 0.7% of attempts.

Failing (two weasel words):

    We significantly cut payment failures, which is very good.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from opplan import kinds
from opplan.lint.markdown import Joined, prose_lines
from opplan.problem import Finding, Level

if TYPE_CHECKING:
    from opplan.document import Document
    from opplan.lint.rule import Options

ID = "weasel-words"
LEVEL: Level = "warning"
KINDS: tuple[str, ...] = tuple(kinds.where(written=True))  # not generated roll-ups
DEFAULT: dict[str, Any] = {
    "words": [
        "significantly",
        "substantially",
        "dramatically",
        "very",
        "extremely",
        "hugely",
        "nearly all",
        "almost all",
        "the vast majority",
        "a lot of",
        "lots of",
        "should be able to",
        "hopefully",
        "we believe",
        "best-in-class",
        "world-class",
        "seamless",
        "seamlessly",
        "various",
        "numerous",
        "as soon as possible",
        "in the near future",
    ]
}
NEEDS_MODEL = False


@cache
def _pattern(word: str) -> re.Pattern[str]:
    # A pattern that starts with a literal is searched fast; the word's start is checked apart.
    return re.compile(r"\s+".join(re.escape(part) for part in word.lower().split()) + r"(?![\w-])")


def check(doc: Document, options: Options) -> Iterator[Finding]:
    joined = Joined(prose_lines(doc.body, doc.body.narrative))
    text = joined.text.lower()
    if len(text) != len(joined.text):
        text = joined.text  # lower-casing changed offsets: match case-sensitively
    for word in options["words"]:
        if word.split()[0].lower() not in text:
            continue
        for match in _pattern(word).finditer(text):
            start = match.start()
            if start and (text[start - 1].isalnum() or text[start - 1] in "_-"):
                continue  # inside a longer word, such as "every" for "very"
            line, column = joined.where(start)
            found = joined.text[start : match.end()]
            yield Finding(line, column, f"{found!r} is a weasel word; say it with data")
