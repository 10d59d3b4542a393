"""A suppression comment suppresses something.

`<!-- opplan: disable=rule-id -->`, `<!-- opplan: disable-next-line=rule-id -->`
and `# opplan: disable=rule-id` in the frontmatter silence the named rules
(see "Suppression" in the README). When a rule they name reports nothing there
any more, the comment is reported, so that stale suppressions do not pile up
and hide the next real problem. A comment that names an unknown rule is
reported too. The linter itself checks this, after every other rule.

Options: none.

Passing (the suppressed link is there):

    <!-- opplan: disable-next-line=body-links -->
    The rollout follows the [launch checklist](https://wiki.example.com/launch).

Failing (nothing to suppress on the next line):

    <!-- opplan: disable-next-line=body-links -->
    The rollout follows the launch checklist in appendix C.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from opplan.problem import Finding, Level

if TYPE_CHECKING:
    from opplan.document import Document
    from opplan.lint.rule import Options

ID = "unused-suppression"
LEVEL: Level = "warning"
KINDS: tuple[str, ...] = ()
DEFAULT: dict[str, Any] = {}
NEEDS_MODEL = False


def check(doc: Document, options: Options) -> Iterator[Finding]:
    """Nothing: only the linter knows what each comment suppressed."""
    return iter(())
