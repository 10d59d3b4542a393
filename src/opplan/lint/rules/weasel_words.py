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

from opplan.lint.markdown import prose_lines
from opplan.problem import Finding, Level

if TYPE_CHECKING:
    from opplan.document import Document
    from opplan.lint.rule import Options

ID = "weasel-words"
LEVEL: Level = "warning"
KINDS: tuple[str, ...] = ()
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
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    phrases = (r"\s+".join(re.escape(part) for part in word.split()) for word in words)
    alternatives = "|".join(sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives or '(?!)'})(?![\w-])", re.IGNORECASE)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    pattern = _pattern(tuple(options["words"]))
    for line, text in prose_lines(doc.body, doc.body.narrative):
        for match in pattern.finditer(text):
            yield Finding(
                line,
                match.start() + 1,
                f"{match.group(0)!r} is a weasel word; say it with data",
            )
