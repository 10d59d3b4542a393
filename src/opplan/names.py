"""Names a user types, and the nearest one to a misspelling.

Every name a user types (kinds, formats, rules and their options, tables, charts,
templates, path fields, configuration and frontmatter keys, variants) is checked
here: `choose` looks a name up in a registry, `unknown` is the one-line error for
a name that is not there, and `did_you_mean` the hint every message gives.
`typo_of` is the stricter test for frontmatter keys, whose authors may add keys
of their own: only a slip of the keyboard counts as a typo there.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from functools import cache
from typing import TypeVar

from opplan.errors import UsageError

T = TypeVar("T")


def nearest(word: str, choices: Iterable[str]) -> str | None:
    """The choice closest to a misspelt word, if one is close enough (the first on a tie)."""
    import difflib  # noqa: PLC0415 - only for a misspelt name

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


def typo_of(word: str, choices: Iterable[str]) -> str | None:
    """The choice that `word` is a slip of the keyboard for, if any (the closest first).

    Stricter than `nearest`: the same name but for case, `-` or `_`, or within one
    edit (a letter added, dropped, changed or two swapped) for names of up to five
    letters and two edits for longer ones. `tags` is not a slip for `tracks`, but
    `reviewer` is for `reviewers`.
    """
    folded = _fold(word)
    allowed = 1 if len(folded) <= 5 else 2
    best: tuple[int, str] | None = None
    for choice in choices:
        distance = _edits(folded, _fold(choice), allowed)
        if distance <= allowed and (best is None or distance < best[0]):
            best = (distance, choice)
    return best[1] if best else None


def _fold(name: str) -> str:
    return name.casefold().replace("-", "_").replace(" ", "_")


def _edits(a: str, b: str, limit: int) -> int:
    """Insertions, deletions, substitutions and swaps of neighbours turning a into b
    (optimal string alignment); any count above `limit` is returned as limit + 1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] = []
    row = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], before[j - 2] + 1)
        before, row = row, current
    return min(row[-1], limit + 1)


def suggestion(hint: str | None, otherwise: str = "") -> str:
    """`; did you mean 'json'?` for a hint, else `otherwise`: every "did you mean" reads so."""
    return f"; did you mean {hint!r}?" if hint else otherwise


def did_you_mean(name: object, choices: Iterable[str], otherwise: str = "") -> str:
    """The suggestion of the choice nearest a misspelt name (see `nearest`)."""
    return suggestion(nearest(str(name), choices), otherwise)


def unknown_message(
    what: str, name: object, choices: Iterable[str], *, where: str = "", lister: str = ""
) -> str:
    """`unknown format 'jsn'; use one of text, json; did you mean 'json'?`

    `where` follows the name (`unknown table 'goal' in the marker; ...`). Names too
    many to list name the command that lists them instead (`lister`): `unknown rule
    'x'; 'opplan rules' lists them`, or the nearest one only.
    """
    known = list(choices)
    if lister:
        return (
            f"unknown {what} {name!r}{where}{did_you_mean(name, known, f'; {lister!r} lists them')}"
        )
    listed = f"; use one of {', '.join(known)}" if known else ""
    return f"unknown {what} {name!r}{where}{listed}{did_you_mean(name, known)}"


def unknown(
    what: str, name: object, choices: Iterable[str], *, where: str = "", lister: str = ""
) -> UsageError:
    """The UsageError for a name that is not one of `choices` (see `unknown_message`)."""
    return UsageError(unknown_message(what, name, choices, where=where, lister=lister))


def choose(what: str, name: str, choices: Mapping[str, T]) -> T:
    """The entry of a registry by name, or a UsageError that names the valid ones."""
    try:
        return choices[name]
    except KeyError:
        raise unknown(what, name, choices) from None
