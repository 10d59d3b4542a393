"""Goal and initiative IDs are unique within a team's plans of one kind for a cycle.

Goals (`goals`) and initiatives (in the tracks, and an OP2's `top_down`) are
referred to by ID in reviews, roll-ups and the OP2, so an ID names one thing:
within one document, and across the documents of one kind (OP1 or OP2) that a
team writes for a cycle. An OP2 reuses its OP1's IDs on purpose: that is how
the revision says what became of each item, so OP1 and OP2 are not compared.
Every use after the first is reported, with where the first one is.

Passing:

    goals:
      - id: G-1
      - id: G-2
    tracks:
      same_resources:
        initiatives:
          - id: SR-1

Failing (G-1 twice):

    goals:
      - id: G-1
      - id: G-1     # ID 'G-1' is already used (op1.md:12)
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from opplan import kinds
from opplan.document import Document
from opplan.lint.rule import Options
from opplan.problem import Finding, Level
from opplan.workspace.plans import initiatives, plans, team_key

ID = "duplicate-ids"
LEVEL: Level = "error"
KINDS: tuple[str, ...] = kinds.PLAN_NAMES  # the operating plans
READS: tuple[str, ...] = ()
DEFAULT: dict[str, Any] = {}
NEEDS_MODEL = True


def check_corpus(docs: Sequence[Document], options: Options) -> Iterator[tuple[Document, Finding]]:
    first: dict[tuple[int, str, str, str], tuple[Document, int]] = {}
    for doc, model in plans(docs):
        group = (model.cycle, team_key(model.team), doc.kind)
        items: list[tuple[str, tuple[str | int, ...]]] = [
            (goal.id, ("goals", index)) for index, goal in enumerate(model.goals)
        ]
        items += [(item.id, loc) for item, loc in initiatives(model)]
        for item_id, loc in items:
            key = (*group, item_id.strip())
            line = doc.line_of(*loc)
            if key not in first:
                first[key] = (doc, line)
                continue
            where_doc, where_line = first[key]
            where = f"line {where_line}" if where_doc is doc else f"{where_doc.path}:{where_line}"
            yield (
                doc,
                Finding(
                    line,
                    1,
                    f"ID {item_id!r} is already used ({where}); IDs must be unique within the "
                    f"{doc.kind} plans of {model.team} for {model.cycle}: rename one",
                ),
            )
