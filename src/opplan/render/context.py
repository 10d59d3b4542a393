"""What a document's rendering reads besides the document: its root, and a check-in's plan.

A check-in's goal table shows each goal's statement, baseline and target from the
plan the check-in reports on (its `plan:` key), and scores the goal against them.
The plan is read only from inside the document's root (`discovery.root_of`) by
`workspace.checkins.read_plan`, as every feature reads it; a plan
that cannot be read leaves the table with the check-in's own values, scored by
confidence, and one warning.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from opplan.config.model import Config
from opplan.document import Document
from opplan.schemas import DocumentBase
from opplan.schemas.checkin import Checkin
from opplan.schemas.op1 import PlanFields
from opplan.scoring import CONFIDENCE_SCORES
from opplan.workspace.checkins import plan_path, read_plan
from opplan.workspace.discovery import root_of


def _default_scores() -> Mapping[str, float]:
    return CONFIDENCE_SCORES


@dataclass(frozen=True)
class Context:
    """What a table may read besides the document's own frontmatter."""

    plan: PlanFields | None = None  # the plan a check-in reports on, when it could be read
    unread: str = ""  # why the check-in's plan could not be read
    confidence_scores: Mapping[str, float] = field(default_factory=_default_scores)
    warnings: tuple[str, ...] = ()
    reads: tuple[Path, ...] = ()  # the files read for it, found or not


def context_of(doc: Document, model: DocumentBase, config: Config) -> Context:
    """The context of a document's tables: for a check-in, the plan it reports on."""
    if not isinstance(model, Checkin):
        return Context()
    scores = {str(name): value for name, value in config.checkins.confidence_scores.items()}
    found = plan_path(doc, model).resolve()
    plan = read_plan(doc, model, root_of(Path(doc.path), config), config)
    if not isinstance(plan, str):
        return Context(plan, confidence_scores=scores, reads=(found,))
    warning = f"the plan {model.plan} {plan}; its goals are shown and scored without it"
    return Context(None, plan, scores, (warning,), (found,))
