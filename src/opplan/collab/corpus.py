"""Load the plan documents under the paths a command was given.

Folders are searched the way `opplan lint` searches them. A file that cannot
be read as a plan is not fatal here: it is left out with a warning on stderr
(`opplan lint` says what is wrong with it), except a file named on the command
line that does not exist, which is a usage error.

The commands here only read plans, so frontmatter is read the fast way (see
`opplan.document.fastyaml`): the same values and positions, without comments.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from opplan.config.model import Lint
from opplan.document import Document, load_text
from opplan.document.frontmatter import decode
from opplan.document.loader import read_bytes
from opplan.errors import DocumentError, UsageError
from opplan.gc_tuning import fewer_collections
from opplan.workspace import discovery


def candidates(paths: Sequence[Path]) -> list[tuple[Path, bool]]:
    """Every file to consider, once, with whether it was named explicitly."""
    found: list[tuple[Path, bool]] = []
    for path in paths or [Path()]:
        if path.is_dir():
            found += [(file, False) for file in discovery.markdown_files(path)]
        elif path.exists():
            found.append((path, True))
        else:
            raise UsageError(f"{path}: no such file or folder; check the path")
    return discovery.each_once(found) if len(paths) > 1 else found


@fewer_collections()
def load_documents(paths: Sequence[Path], settings: Lint) -> list[Document]:
    """The plan documents under `paths`; unreadable ones are left out with a warning."""
    return [
        doc
        for doc in (_load(path, explicit, settings) for path, explicit in candidates(paths))
        if doc
    ]


def _load(path: Path, explicit: bool, settings: Lint) -> Document | None:
    try:
        text = decode(str(path), read_bytes(path, settings.max_file_size))
        if not explicit and not discovery.looks_like_plan(text):
            return None
        return load_text(str(path), text, settings.appendix_titles, fast=True)
    except DocumentError as err:
        if explicit or not err.fatal:
            warn(f"{err} (left out; 'opplan lint' checks it)")
        return None


def warn(message: str) -> None:
    sys.stderr.write(f"opplan: warning: {message}\n")


def warn_all(messages: Iterable[str]) -> None:
    for message in messages:
        warn(message)
