"""The frontmatter matches its document kind's schema.

Every key has the right type and an allowed value, every required key is there,
and there are no unknown keys (usually typos: the message names the nearest
valid key). Types are strict, as in the JSON Schema that `opplan schema KIND`
prints: a number in quotes (`cycle: "2027"`) is not a number, and a version
must be quoted (`version: "1.10"`): unquoted, YAML reads 1.10 as the number 1.1.

Passing:

    ---
    kind: op1
    title: Payments Platform OP1 2027
    ...

Failing (an unknown key, and a quoted number, each reported at its line):

    ---
    kind: op1
    asumptions: [...]   # unknown key 'asumptions'; did you mean 'assumptions'?
    cycle: "2027"       # expected a whole number, got '2027'; write the number ...
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from opplan.problem import Finding, Level

if TYPE_CHECKING:
    from opplan.document import Document
    from opplan.lint.rule import Options

ID = "schema"
LEVEL: Level = "error"
KINDS: tuple[str, ...] = ()
DEFAULT: dict[str, Any] = {}
NEEDS_MODEL = False


def check(doc: Document, options: Options) -> Iterator[Finding]:
    yield from doc.schema_findings
