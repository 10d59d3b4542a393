"""Names a user types (kinds, formats, rules, keys), and the nearest one to a misspelling."""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import cache
from typing import TypeVar

from opplan.errors import UsageError

T = TypeVar("T")


def nearest(word: str, choices: Iterable[str]) -> str | None:
    """The choice closest to a misspelt word, if one is close enough (the first on a tie)."""
    listed = tuple(choices)
    # difflib's ratio is at most 2 * (characters the two share) / (their lengths), so
    # only choices that share enough characters are compared in full: a document may
    # hold thousands of unknown keys, each checked against every valid one.
    shared = dict.fromkeys(range(len(listed)), 0) if not word else {}
    for char, count in Counter(word).items():
        for index, choice_count in _by_character(listed).get(char, ()):
            shared[index] = shared.get(index, 0) + min(count, choice_count)
    best, best_score = None, _CLOSE
    for index in sorted(shared):
        choice = listed[index]
        total = len(word) + len(choice)
        bound = 2 * shared[index] / total if total else 1.0
        if bound < best_score or (best is not None and bound == best_score):
            continue
        score = difflib.SequenceMatcher(None, word, choice).ratio()
        if score > best_score or (best is None and score == best_score):
            best, best_score = choice, score
    return best


_CLOSE = 0.6  # the least ratio of a suggestion


@cache
def _by_character(choices: tuple[str, ...]) -> dict[str, list[tuple[int, int]]]:
    """For each character, the choices (by index) that hold it, and how many times."""
    found: dict[str, list[tuple[int, int]]] = {}
    for index, choice in enumerate(choices):
        for char, count in Counter(choice).items():
            found.setdefault(char, []).append((index, count))
    return found


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
