"""An OP2 revises an OP1 that exists, and accounts for every one of its initiatives.

The OP2's `op1` key is the path of the OP1 it revises, relative to the OP2's
file. That file must exist and be an OP1 of the same team and cycle, and every
initiative of the OP1 (by `id`) must appear in the OP2's tracks, kept, changed
or cut, with a `status` that says which (`require_status = false` accepts the
default status, planned). The OP1 is read from disk when it is not among the
linted documents (through the linter, which keys its cache on that file too).

Passing:

    op1: op1-payments-platform.md       # the OP1 has SR-1 and MI-2
    tracks:
      same_resources:
        initiatives:
          - {id: SR-1, name: Smart routing, status: on-track}
      more_investment:
        initiatives:
          - {id: MI-2, name: Pay by bank, status: cut}

Failing: `op1: op1-payments.md` names no file, or MI-2 is left out of the OP2.
A placeholder such as `op1: "[path of the OP1]"` is left to `unresolved-marker`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from opplan.document import Document
from opplan.errors import DocumentError
from opplan.lint.rule import READ, Options, unreadable
from opplan.problem import Finding, Level
from opplan.workspace.plans import initiatives, plan_of, team_key

if TYPE_CHECKING:
    from opplan.schemas.op2 import Op2

ID = "op2-follows-op1"
LEVEL: Level = "error"
KINDS: tuple[str, ...] = ("op2",)
READS: tuple[str, ...] = ("op1",)  # the OP1s the OP2s revise, when linted with them
DEFAULT: dict[str, Any] = {"require_status": True}
NEEDS_MODEL = True


def check_corpus(docs: Sequence[Document], options: Options) -> Iterator[tuple[Document, Finding]]:
    if not any(doc.kind == "op2" for doc in docs):
        return  # and the OP2 model is not even imported
    from opplan.schemas.op2 import Op2  # noqa: PLC0415

    known = {Path(doc.path).resolve(): doc for doc in docs}
    for doc in docs:
        if isinstance(doc.model, Op2):
            for finding in _check(doc, doc.model, known, options):
                yield doc, finding


def _check(
    doc: Document, model: Op2, known: dict[Path, Document], options: Options
) -> Iterator[Finding]:
    if model.op1.startswith("[") and model.op1.endswith("]"):
        return  # a skeleton's placeholder: unresolved-marker reports it
    line = doc.line_of("op1")
    path = Path(doc.path).parent / model.op1
    op1_doc = known.get(path.resolve())
    if op1_doc is None:
        try:
            op1_doc = options[READ](path, near=Path(doc.path))
        except DocumentError as err:
            yield Finding(
                line,
                1,
                f"the OP1 {model.op1!r} cannot be read ({unreadable(err)}); "
                "give the path of this plan's OP1 file, or fix that file",
            )
            return
        if op1_doc is None:
            yield Finding(
                line,
                1,
                f"op1 {model.op1!r} does not exist (looked for {path}); "
                "give the OP1's path relative to this file",
            )
            return
    op1 = plan_of(op1_doc)
    if op1_doc.kind != "op1" or op1 is None:
        what = f"a {op1_doc.kind}" if op1_doc.kind != "op1" else "an OP1 with schema errors"
        yield Finding(line, 1, f"op1 {model.op1!r} is {what}; point it at this plan's valid OP1")
        return
    if team_key(op1.team) != team_key(model.team) or op1.cycle != model.cycle:
        yield Finding(
            line,
            1,
            f"op1 {model.op1!r} is the plan of {op1.team} for {op1.cycle}, not of "
            f"{model.team} for {model.cycle}; point it at this plan's OP1",
        )
        return
    revised = {item.id: loc for item, loc in initiatives(model)}
    for item, _ in initiatives(op1):
        loc = revised.get(item.id)
        if loc is None:
            yield Finding(
                doc.line_of("tracks"),
                1,
                f"OP1 initiative {item.id} ({item.name!r}) is missing; keep it in a track "
                "with its status (cut if it was dropped)",
            )
        elif options.get("require_status", True) and "status" not in _node(doc, loc):
            yield Finding(
                doc.line_of(*loc),
                1,
                f"initiative {item.id} from the OP1 has no status; say whether it is "
                "planned, on-track, delayed, delivered or cut",
            )


def _node(doc: Document, loc: tuple[str | int, ...]) -> Any:
    node: Any = doc.meta
    for step in loc:
        node = node[step]
    return node
