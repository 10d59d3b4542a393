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
from opplan.fileio import write_atomic
from opplan.problem import Problem

ENV = "OPPLAN_CACHE_DIR"
_CORPUS = "\0corpus"  # the entry of the cross-document problems (no path has a NUL)
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
            self.entries = json.loads(self.path.read_bytes())
        except (OSError, ValueError):
            self.entries = {}

    @property
    def known(self) -> bool:
        """Whether this configuration has been used (and so validated) before."""
        return bool(self.entries)

    def get(self, path: str, digest: str) -> tuple[bool, list[Problem]] | None:
        """Whether the file is a plan and its problems, if it is unchanged since stored."""
        entry = self.entries.get(path)
        if not entry or entry[0] != digest:
            return None
        self.fresh[path] = entry
        return bool(entry[1]), [Problem(*row) for row in entry[2]]

    def put(self, path: str, digest: str, plan: bool, problems: list[Problem]) -> None:
        self.fresh[path] = [digest, plan, [list(problem) for problem in problems]]

    def get_corpus(self, key: str) -> list[Problem] | None:
        """The cross-document problems of a run over exactly these files, if stored."""
        entry = self.entries.get(_CORPUS)
        if not entry or entry[0] != key:
            return None
        self.fresh[_CORPUS] = entry
        return [Problem(*row) for row in entry[2]]

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


def folder(configured: Path, root: Path) -> Path:
    """The cache folder: $OPPLAN_CACHE_DIR, else the configured one from the config's folder."""
    override = os.environ.get(ENV)
    return Path(override) if override else root / configured
