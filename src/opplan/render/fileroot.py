"""The folder typst may read: copies of the files a document may use, and nothing else.

typst reads any file under its root, links and all: `#read`, `#image` and
`#include` in a template, and the files an SVG refers to. Its root is therefore
a new temporary folder holding copies of the checked files (images, and the
images SVGs refer to) at their places relative to the repository, so that the
paths in the typst source stay "/plans/chart.png".
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from opplan.fileio import read_regular
from opplan.render.sanitize import MAX_IMAGE_SIZE


@contextmanager
def staged(root: Path, files: Iterable[Path]) -> Iterator[Path]:
    """A temporary folder with a copy of each file (inside `root`) at its place under it."""
    with tempfile.TemporaryDirectory(prefix="opplan-typst-") as folder:
        for path in dict.fromkeys(files):
            target = Path(folder, path.relative_to(root))
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(read_regular(path, MAX_IMAGE_SIZE))
        yield Path(folder)
