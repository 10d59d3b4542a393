"""The operating plans (OP1, OP2) among loaded documents, grouped the way teams plan.

Team names are compared case-blind and with runs of spaces folded, so that
"Risk & Compliance" in one plan and "risk &  compliance" in another are one team.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

from opplan import kinds
from opplan.document import Document
from opplan.schemas.op1 import Initiative, PlanFields

PLAN_KINDS = kinds.PLAN_NAMES  # the kinds roll-ups, status and export read


def team_key(name: str) -> str:
    """A team name as compared across documents."""
    return " ".join(name.casefold().split())


def plan_of(doc: Document) -> PlanFields | None:
    """The validated frontmatter of an OP1 or OP2, or None for anything else."""
    return doc.model if isinstance(doc.model, PlanFields) else None


def plans(docs: Iterable[Document]) -> Iterator[tuple[Document, PlanFields]]:
    """Every valid OP1 and OP2 among the documents, with its model."""
    for doc in docs:
        model = plan_of(doc)
        if model is not None:
            yield doc, model


def partner_plans(
    groups: dict[tuple[int, str], list[tuple[Document, PlanFields]]],
    cycle: int,
    team: str,
    kind: str,
) -> list[tuple[Document, PlanFields]]:
    """A team's plans for a cycle: those of `kind` if it has any, else all of them."""
    found = groups.get((cycle, team_key(team)), [])
    same_kind = [(doc, model) for doc, model in found if doc.kind == kind]
    return same_kind or found


def by_cycle_and_team(
    docs: Iterable[Document],
) -> dict[tuple[int, str], list[tuple[Document, PlanFields]]]:
    """The valid plans grouped by (cycle, team key), in the order given."""
    groups: dict[tuple[int, str], list[tuple[Document, PlanFields]]] = defaultdict(list)
    for doc, model in plans(docs):
        groups[model.cycle, team_key(model.team)].append((doc, model))
    return dict(groups)


def initiatives(model: PlanFields) -> Iterator[tuple[Initiative, tuple[str | int, ...]]]:
    """Every initiative of a plan with its place in the frontmatter (tracks, then top-down)."""
    tracks = getattr(model, "tracks", None)
    for track in ("same_resources", "more_investment"):
        items: Sequence[Initiative] = getattr(getattr(tracks, track, None), "initiatives", ())
        for index, item in enumerate(items):
            yield item, ("tracks", track, "initiatives", index)
    for index, item in enumerate(getattr(model, "top_down", ())):
        yield item, ("top_down", index)
