"""Names a user types (kinds, formats, rules, keys), and the nearest one to a misspelling."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from typing import TypeVar

from opplan.errors import UsageError

T = TypeVar("T")


def nearest(word: str, choices: Iterable[str]) -> str | None:
    """The choice closest to a misspelt word, if one is close enough (the first on a tie)."""
    scored = [
        (difflib.SequenceMatcher(None, word, choice).ratio(), -index, choice)
        for index, choice in enumerate(choices)
    ]
    best = max(scored, default=None)
    return best[2] if best and best[0] >= 0.6 else None


def unknown(what: str, name: str, choices: Iterable[str]) -> UsageError:
    """`unknown format 'jsn'; use one of text, json; did you mean 'json'?`"""
    known = list(choices)
    hint = nearest(name, known)
    more = f"; did you mean {hint!r}?" if hint else ""
    return UsageError(f"unknown {what} {name!r}; use one of {', '.join(known)}{more}")


def choose(what: str, name: str, choices: Mapping[str, T]) -> T:
    """The entry of a registry by name, or a UsageError that names the valid ones."""
    try:
        return choices[name]
    except KeyError:
        raise unknown(what, name, choices) from None
