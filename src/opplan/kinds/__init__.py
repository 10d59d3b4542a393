"""The registry of document kinds: `kind:` in the frontmatter names one of these.

Each kind is one module here with one `Kind` record (see `kinds/kind.py`); every
feature reads the kinds from this registry. Importing it imports no schema model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from opplan.kinds import checkin, op1, op2, prfaq, rollup
from opplan.kinds.kind import APPENDIX, Kind
from opplan.names import choose

KINDS: dict[str, Kind] = {
    kind.name: kind for kind in (op1.KIND, op2.KIND, prfaq.KIND, checkin.KIND, rollup.KIND)
}
NAMES = tuple(KINDS)
PLAN_NAMES = tuple(name for name, kind in KINDS.items() if kind.plan)

if TYPE_CHECKING:
    Name = str
    PlanName = str
else:  # for pydantic: a field that takes only these names, and says so in its schema
    Name = Literal[NAMES]
    PlanName = Literal[PLAN_NAMES]


def get(name: str) -> Kind:
    """The kind named `name`, or a one-line UsageError naming the nearest valid one."""
    return choose("document kind", name, KINDS)


def where(**wanted: bool) -> dict[str, Kind]:
    """The kinds whose flags (plan, adoptable, discovered, ...) have the given values."""
    return {
        name: kind
        for name, kind in KINDS.items()
        if all(getattr(kind, flag) == value for flag, value in wanted.items())
    }


def startable() -> dict[str, Kind]:
    """The kinds `opplan new` starts: those with a `new/` template."""
    return {name: kind for name, kind in KINDS.items() if kind.new_template is not None}


__all__ = [
    "APPENDIX",
    "KINDS",
    "NAMES",
    "PLAN_NAMES",
    "Kind",
    "Name",
    "PlanName",
    "get",
    "startable",
    "where",
]
