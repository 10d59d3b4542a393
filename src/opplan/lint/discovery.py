"""Find the plan documents to lint among the paths a user gave."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

from opplan import schemas

SKIPPED_DIRS = frozenset(
    {"node_modules", "site-packages", "__pycache__", "venv", "build", "dist", "_build"}
)
_KIND_LINE = re.compile(r"^kind\s*:[ \t]*['\"]?([^'\"\s#]*)", re.MULTILINE)


def markdown_files(folder: Path) -> list[Path]:
    """The Markdown files under a folder, hidden and vendored folders skipped, sorted."""
    return sorted(_walk(folder))


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS]
        for name in files:
            if name.endswith(".md"):
                yield Path(root, name)


def looks_like_plan(text: str) -> bool:
    """Whether a file found in a folder is meant as a plan document.

    It is when its frontmatter has a `kind` that is a document kind or close to
    one (a typo is reported, not skipped); other Markdown files are left alone.
    """
    if not text.startswith("---"):
        return False
    end = text.find("\n---", 3)
    match = _KIND_LINE.search(text if end < 0 else text[:end])
    if match is None:
        return False
    kind = match.group(1)
    return (
        not kind or kind in schemas.KINDS or schemas.nearest(kind, list(schemas.KINDS)) is not None
    )
