"""A partner's plan for the same cycle acknowledges what a team needs from it.

When team A lists a dependency on team B, and B's plan for the same cycle is
among the linted documents, B's plan must mention A: in its `commitments`
(what B provides to A) or in its own `dependencies` (the two teams rely on each
other). Otherwise the dependency is reported at its line in A's plan, and B's
plan gets a warning, so that both sides hear of it before the review and no
partner is surprised in the meeting. An OP1 is compared with the partner's OP1
and an OP2 with its OP2; a partner with only the other kind is compared with
that.

A partner whose plan is not among the linted documents is not checked
(partners outside the repository, or not drafted yet, are common); set
`missing_plan = "report"` to report those dependencies too.

Passing (Checkout's plan names Payments Platform):

    # payments/op1.md               # checkout/op1.md
    team: Payments Platform         team: Checkout
    dependencies:                   commitments:
      - team: Checkout                - team: Payments Platform
        need: Idempotency keys          what: Idempotency keys on every request

Failing: the same, with no mention of Payments Platform in Checkout's plan.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from opplan import kinds
from opplan.document import Document
from opplan.lint.rule import Options
from opplan.problem import Finding, Level
from opplan.schemas.op1 import PlanFields
from opplan.workspace.plans import by_cycle_and_team, partner_plans, plans, team_key

ID = "partner-surprise"
LEVEL: Level = "error"
KINDS: tuple[str, ...] = kinds.PLAN_NAMES  # the operating plans
READS: tuple[str, ...] = ()
DEFAULT: dict[str, Any] = {"missing_plan": "ignore"}
NEEDS_MODEL = True


def check_corpus(docs: Sequence[Document], options: Options) -> Iterator[tuple[Document, Finding]]:
    groups = by_cycle_and_team(docs)
    report_missing = options.get("missing_plan") == "report"
    for doc, model in plans(docs):
        for index, dependency in enumerate(model.dependencies):
            if team_key(dependency.team) == team_key(model.team):
                continue
            line = doc.line_of("dependencies", index)
            partners = partner_plans(groups, model.cycle, dependency.team, doc.kind)
            if not partners:
                if report_missing:
                    message = (
                        f"no plan of {dependency.team} for {model.cycle} among the linted "
                        "documents; lint it together with this one to check it names this need"
                    )
                    yield doc, Finding(line, 1, message)
                continue
            if any(_mentions(partner, model.team) for _, partner in partners):
                continue
            partner_doc = partners[0][0]
            yield (
                doc,
                Finding(
                    line,
                    1,
                    f"{dependency.team} does not mention {model.team} in its plan "
                    f"({partner_doc.path}); agree this need with them and have it added to "
                    "their commitments",
                ),
            )
            yield (
                partner_doc,
                Finding(
                    _anchor(partner_doc),
                    1,
                    f"{model.team} needs from this team: {dependency.need!r} ({doc.path}:{line}), "
                    f"but this plan does not mention {model.team}; add it to commitments",
                    "warning",
                ),
            )


def _mentions(partner: PlanFields, team: str) -> bool:
    key = team_key(team)
    named = [item.team for item in partner.commitments] + [
        item.team for item in partner.dependencies
    ]
    return any(team_key(name) == key for name in named)


def _anchor(doc: Document) -> int:
    """Where to point in the partner's plan: its commitments, else its team."""
    return doc.line_of("commitments" if "commitments" in doc.meta else "team")
