"""The registry of document kinds: `kind:` in the frontmatter names one of these.

Each kind is one module here with one `Kind` record (see `kinds/kind.py`); every
feature reads the kinds from this registry. Importing it imports no schema model.
"""

from __future__ import annotations

from opplan.kinds import op1, op2, prfaq, rollup
from opplan.kinds.kind import APPENDIX, Kind
from opplan.names import choose

KINDS: dict[str, Kind] = {kind.name: kind for kind in (op1.KIND, op2.KIND, prfaq.KIND, rollup.KIND)}
NAMES = tuple(KINDS)


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


__all__ = ["APPENDIX", "KINDS", "NAMES", "Kind", "get", "startable", "where"]
