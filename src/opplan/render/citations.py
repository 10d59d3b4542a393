"""Citations, only where the configuration names a bibliography (`[render] bibliography`).

Without one, `@name` and `[@name]` are text (GitHub mentions, not citations; see
`pandoc.reader`). With one, a `Cite` whose keys are all entries of the bibliography
is resolved by pandoc's citeproc (citations in the author-date style, and a list of
references under a References heading at the end); any other, such as an `@team`
mention, stays as written.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from opplan.config.model import Config
from opplan.errors import UsageError
from opplan.render import ast, pandoc
from opplan.render.ast import Node

REFERENCES = "References"  # the heading of the list of works cited


def bibliography(config: Config) -> Path | None:
    """The configured bibliography file; a UsageError if it is not there."""
    if config.render.bibliography is None:
        return None
    path = config.root / config.render.bibliography
    if not path.is_file():
        raise UsageError(
            f"no bibliography {str(path)!r} ([render] bibliography); "
            "fix the path (relative to the configuration file) or remove the setting"
        )
    return path


def keys(path: Path, what: str) -> set[str]:
    """The citation keys of a bibliography file."""
    entries = json.loads(pandoc.run([str(path), "-t", "csljson"], b"", what))
    return {str(entry["id"]) for entry in entries}


def cited(tree: dict[str, Any], path: Path, what: str) -> dict[str, Any]:
    """The AST with the citations of `path`'s entries resolved, and other ones as text."""
    known = keys(path, what)

    def visit(node: Node) -> Node | list[Node]:
        if node["t"] != "Cite":
            return node
        if all(citation["citationId"] in known for citation in node["c"][0]):
            return node
        inlines: list[Node] = node["c"][1]
        return inlines  # the text as written

    tree = {**tree, "blocks": ast.walk(tree["blocks"], visit)}
    options = ["-f", "json", "-t", "json", "--citeproc", "--bibliography", str(path)]
    options += ["--metadata", f"reference-section-title={REFERENCES}"]
    result: dict[str, Any] = json.loads(pandoc.run(options, json.dumps(tree).encode(), what))
    return result
