"""A check-in reports on its team's plan for the year: an OP2, or the OP1 before it.

The check-in's `plan` key is the path of the plan, relative to the check-in's
file. That file must exist and be a valid OP1 or OP2 of the same team and
cycle. The plan is taken from the run when it is linted with the check-in,
else read from disk (the linter keys its cache on that file too). Once an OP2
revises the OP1 (an OP2 whose `op1` is that file, linted with the check-in or
in the OP1's folder), the check-in reports on the OP2: its goals and
initiatives are the ones the team committed to. A placeholder such as
`plan: "[Path of the plan]"` is left to `unresolved-marker`.

Options: none.

Passing:

    kind: checkin
    team: Fraud Detection
    cycle: 2027
    plan: op2-fraud-detection.md       # the OP2 of Fraud Detection for 2027

Failing: `plan: op2-fraud.md` names no file, names the OP1 that an OP2
revises, or names the plan of another team or year:

    plan 'op1-checkout.md' is the plan of Checkout for 2027, not of Fraud Detection
    for 2027; point it at this team's plan for the year
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from opplan import kinds
from opplan.document import Document
from opplan.errors import DocumentError
from opplan.lint.rule import LIST, READ, ListFolder, Options, ReadDocument
from opplan.problem import Finding, Level

ID = "checkin-plan"
LEVEL: Level = "error"
KINDS: tuple[str, ...] = ("checkin",)
READS: tuple[str, ...] = kinds.PLAN_NAMES  # the plans the check-ins report on
DEFAULT: dict[str, Any] = {}
NEEDS_MODEL = True


def check_corpus(docs: Sequence[Document], options: Options) -> Iterator[tuple[Document, Finding]]:
    if not any(doc.kind == "checkin" for doc in docs):
        return  # and the check-in model is not even imported
    from opplan.lint.rules import _checkin  # noqa: PLC0415

    known = _checkin.known(docs)
    revised = _revised(docs)
    for doc, model in _checkin.checkins(docs):
        found = _checkin.lookup(doc, model, known, options)
        if found.problem:
            yield doc, Finding(doc.line_of("plan"), 1, found.problem)
            continue
        if found.plan is None or found.plan.kind != "op1":
            continue
        named = Path(doc.path).parent / model.plan
        op2 = revised.get(named.resolve()) or _revising_beside(named, known, options)
        if op2 is not None:
            yield (
                doc,
                Finding(
                    doc.line_of("plan"),
                    1,
                    f"plan {model.plan!r} is the OP1, and the OP2 {op2} revises it; "
                    "report on the OP2",
                ),
            )


def _revising_beside(op1: Path, known: Mapping[Path, Document], options: Options) -> str | None:
    """An OP2 in the OP1's folder, not linted with it, whose `op1` is that OP1."""
    listing: ListFolder = options[LIST]
    read: ReadDocument = options[READ]
    target = op1.resolve()
    for path in listing(op1.parent):
        if path.resolve() in known:
            continue  # in the run: `_revised` has seen it
        try:
            other = read(path)
        except DocumentError:
            continue  # lint reports it where it is linted
        ref = other.meta.get("op1") if other and other.kind == "op2" and other.model else None
        if isinstance(ref, str) and (path.parent / ref).resolve() == target:
            return repr(str(op1.parent / path.name))
    return None


def _revised(docs: Sequence[Document]) -> dict[Path, str]:
    """The OP1s that an OP2 of the run revises (by resolved path), with that OP2's path."""
    found: dict[Path, str] = {}
    for doc in docs:
        op1 = doc.meta.get("op1") if doc.kind == "op2" and doc.model is not None else None
        if isinstance(op1, str):
            found.setdefault(Path(doc.path).parent.joinpath(op1).resolve(), repr(doc.path))
    return found
