"""The result cache: problems of unchanged files, kept between runs.

A run's results are stored in one file per configuration under the cache
folder (`.opplan-cache/` next to the configuration file by default, with a
`.gitignore` of its own). The file's name holds a key of opplan's version,
the lint configuration, the page geometry and the page counter; each entry is
a path with the hash of the file's bytes and the problems found in it. A file
whose bytes changed, or any change of configuration or version, misses.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from opplan import __version__
from opplan.fileio import read_regular, write_atomic
from opplan.problem import Problem

ENV = "OPPLAN_CACHE_DIR"
_CORPUS = "\0corpus"  # the entry of the cross-document problems (no path has a NUL)
_LIMIT = 200_000_000  # bytes: a larger result file is no cache of ours
_KEEP = 4  # result files of other configurations kept in the folder


def content_hash(data: bytes, *, explicit: bool) -> str:
    """The key of a file's bytes (and of whether it was named or found in a folder)."""
    return hashlib.blake2b(data, digest_size=16, person=b"e" if explicit else b"f").hexdigest()


class ResultCache:
    """Problems by path and content hash, for one configuration."""

    def __init__(self, folder: Path, setup: object) -> None:
        digest = hashlib.blake2b(
            json.dumps([__version__, setup], sort_keys=True, default=str).encode(),
            digest_size=12,
        ).hexdigest()
        self.folder = folder
        self.path = folder / f"lint-{digest}.json"
        self.entries: dict[str, Any] = {}
        self.fresh: dict[str, Any] = {}
        try:
            entries = json.loads(read_regular(self.path, _LIMIT))
        except (OSError, ValueError):
            entries = {}
        # a file of another shape (edited, or written by something else) is no cache
        self.entries = entries if isinstance(entries, dict) else {}

    @property
    def known(self) -> bool:
        """Whether this configuration has been used (and so validated) before."""
        return bool(self.entries)

    def get(self, path: str, digest: str) -> tuple[bool, list[Problem]] | None:
        """Whether the file is a plan and its problems, if it is unchanged since stored."""
        entry: Any = self.entries.get(path)
        problems = _problems(entry, digest)
        if problems is None:
            return None
        self.fresh[path] = entry
        return bool(entry[1]), problems

    def put(self, path: str, digest: str, plan: bool, problems: list[Problem]) -> None:
        self.fresh[path] = [digest, plan, [list(problem) for problem in problems]]

    def get_corpus(self, key: str) -> list[Problem] | None:
        """The cross-document problems of a run over exactly these files, if stored."""
        entry = self.entries.get(_CORPUS)
        problems = _problems(entry, key)
        if problems is not None:
            self.fresh[_CORPUS] = entry
        return problems

    def put_corpus(self, key: str, problems: list[Problem]) -> None:
        self.fresh[_CORPUS] = [key, True, [list(problem) for problem in problems]]

    def save(self) -> None:
        """Store this run's entries (with the other entries still there); never fails a run."""
        merged = {**self.entries, **self.fresh}
        if merged == self.entries:
            return
        try:
            new = not self.folder.exists()
            self.folder.mkdir(parents=True, exist_ok=True)
            if new:
                (self.folder / ".gitignore").write_text("# made by opplan\n*\n", encoding="utf-8")
            write_atomic(self.path, json.dumps(merged, separators=(",", ":")))
            self._prune()
        except OSError:
            pass  # a read-only checkout still lints; it only runs cold every time

    def _prune(self) -> None:
        others = sorted(
            (p for p in self.folder.glob("lint-*.json") if p != self.path),
            key=lambda p: p.stat().st_mtime,
            reverse=True,
        )
        for stale in others[_KEEP - 1 :]:
            stale.unlink(missing_ok=True)


_ROW = (str, int, int, str, str, str)  # the types of a Problem's fields, in order


def _problems(entry: object, key: str) -> list[Problem] | None:
    """The problems of a stored entry under `key`, or None when it misses or is malformed."""
    if not isinstance(entry, list) or len(entry) != 3 or entry[0] != key:
        return None
    rows = entry[2]
    if not isinstance(rows, list):
        return None
    for row in rows:
        if not isinstance(row, list) or len(row) != len(_ROW):
            return None
        if not all(type(value) is kind for value, kind in zip(row, _ROW, strict=True)):
            return None
    return [Problem(*row) for row in rows]


def folder(configured: Path, root: Path) -> Path:
    """The cache folder: $OPPLAN_CACHE_DIR, else the configured one from the config's folder."""
    override = os.environ.get(ENV)
    return Path(override) if override else root / configured
