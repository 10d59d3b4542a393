"""The registry of document kinds: `kind:` in the frontmatter names one of these."""

from __future__ import annotations

import difflib

from opplan.errors import OpplanError
from opplan.schemas.common import DocumentBase
from opplan.schemas.op1 import Op1
from opplan.schemas.op2 import Op2
from opplan.schemas.prfaq import PrFaq
from opplan.schemas.rollup import Rollup

KINDS: dict[str, type[DocumentBase]] = {
    "op1": Op1,
    "op2": Op2,
    "prfaq": PrFaq,
    "rollup": Rollup,
}


class UnknownKind(OpplanError):
    """A document kind that is not in the registry."""


def nearest(word: str, choices: list[str] | tuple[str, ...]) -> str | None:
    """The choice closest to a misspelt word, if one is close enough."""
    scored = [
        (difflib.SequenceMatcher(None, word, choice).ratio(), -index, choice)
        for index, choice in enumerate(choices)
    ]
    best = max(scored, default=None)
    return best[2] if best and best[0] >= 0.6 else None


def unknown_kind_message(kind: object) -> str:
    """Say what is wrong with a kind and what to use instead."""
    known = ", ".join(KINDS)
    text = f"unknown document kind {kind!r}; use one of {known}"
    hint = nearest(str(kind), list(KINDS))
    return f"{text} (did you mean {hint!r}?)" if hint else text


def get(kind: str) -> type[DocumentBase]:
    """The model for a kind, or UnknownKind naming the valid ones."""
    try:
        return KINDS[kind]
    except KeyError:
        raise UnknownKind(unknown_kind_message(kind)) from None


__all__ = [
    "KINDS",
    "DocumentBase",
    "Op1",
    "Op2",
    "PrFaq",
    "Rollup",
    "UnknownKind",
    "get",
    "nearest",
]
