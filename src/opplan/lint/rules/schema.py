"""The frontmatter matches its document kind's schema.

Every key has the right type and an allowed value, and every required key is
there. Types are strict, as in the JSON Schema that `opplan schema KIND`
prints: a number in quotes (`cycle: "2027"`) is not a number, and a version
must be quoted (`version: "1.10"`): unquoted, YAML reads 1.10 as the number 1.1.
A key opplan does not know is an error when it is a slip for one it
knows (`asumptions`, `reveiwers`, `Title`: the message names the key meant);
any other is the authors' own (`tags`, `jira`), kept as it is and reported at
the level of the `unknown_keys` option: `warning` (the default), `error` or
`off`. Keys under `extra:` are a team's own data and never reported.

Options: `unknown_keys` ("warning").

Passing:

    ---
    kind: op1
    title: Payments Platform OP1 2027
    extra:
      jira: PAY-2027
    ...

Failing (a typo and a quoted number, reported at their lines as errors; an own
key as a warning):

    ---
    kind: op1
    asumptions: [...]   # unknown key 'asumptions'; did you mean 'assumptions'?
    tags: [payments]    # unknown key 'tags': opplan keeps it but does not check it
    cycle: "2027"       # expected a whole number, got '2027'; write the number ...
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from opplan.names import did_you_mean
from opplan.problem import Finding, Level

if TYPE_CHECKING:
    from opplan.document import Document
    from opplan.lint.rule import Options

ID = "schema"
LEVEL: Level = "error"
KINDS: tuple[str, ...] = ()
DEFAULT: dict[str, Any] = {"unknown_keys": "warning"}
NEEDS_MODEL = False

_UNKNOWN_KEY_LEVELS = ("error", "warning", "off")


def check(doc: Document, options: Options) -> Iterator[Finding]:
    yield from doc.schema_findings
    level = options["unknown_keys"]
    if level != "off":
        for finding in doc.unknown_keys:
            yield finding._replace(level=level)


def validate(options: Options) -> str | None:
    """Why the options cannot work, if they cannot."""
    level = options["unknown_keys"]
    if level in _UNKNOWN_KEY_LEVELS:
        return None
    more = did_you_mean(level, _UNKNOWN_KEY_LEVELS)
    return f"unknown_keys {level!r} is not a level; use error, warning or off{more}"
