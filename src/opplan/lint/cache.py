"""The result cache: findings kept between runs, keyed by every input they depend on.

The invariant: a run served from the cache gives exactly what `--no-cache`
gives. So an entry is used only when every input its findings read is
unchanged:

- the configuration, the page geometry, the page counter and opplan's version
  name the result file (`lint-<key>.json`), so any change of them misses;
- a document's findings are stored under its path with the hash of its bytes
  (and of whether it was named or found in a folder), plus the hash of every
  other file the check read (the images a `--exact` count typeset);
- the cross-document findings of a run are stored under the hash of the whole
  list of documents linted (paths and bytes, in order) and the working folder, plus the
  hash of every document a rule read from disk (the OP1 of an OP2 that was not
  linted with it) and of every folder a rule listed (the check-ins beside a
  check-in: a file added or removed there misses). Several sets are kept, so
  linting plans one at a time and then together each find their own.

A file that is missing or cannot be read hashes as `None`, so a file that
appears later misses too. The folder (`.opplan-cache/` next to the
configuration file by default) holds a `.gitignore` of its own.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from opplan import __version__
from opplan.fileio import NotRegularFile, read_regular, write_atomic
from opplan.problem import Problem

ENV = "OPPLAN_CACHE_DIR"
_CORPUS = "\0corpus"  # the entry of the cross-document problems (no path has a NUL)
_LIMIT = 200_000_000  # bytes: a larger result file is no cache of ours
_KEEP = 4  # result files of other configurations kept in the folder
_SETS = 16  # sets of documents whose cross-document problems are kept
_READ_LIMIT = 200_000_000  # bytes read to hash a file another finding depends on
_INDEX = "configurations.json"  # the result file of each configuration file seen

_LISTING = "\0*.md"  # after a folder's path: the entry of its listing (no path has a NUL)

# absolute path -> hash of its bytes (None: no readable file); a folder's path and
# _LISTING -> hash of the names of its Markdown files
Reads = dict[str, str | None]


class Hit(NamedTuple):
    plan: bool  # False: a file found in a folder that is not a plan document
    problems: list[Problem]


def content_hash(data: bytes, *, explicit: bool) -> str:
    """The key of a file's bytes (and of whether it was named or found in a folder)."""
    return hashlib.blake2b(data, digest_size=16, person=b"e" if explicit else b"f").hexdigest()


def slot(path: str, *, explicit: bool) -> str:
    """A file's entry: one named on the command line and the same file found in a folder
    are checked apart (a found file that is no plan is skipped), so each has its own."""
    return f"{path}\0named" if explicit else path


def file_hash(path: str | Path) -> str | None:
    """The hash of a file another finding read; None when nothing is there.

    Something there that cannot be read (a folder, a file without permission) is
    noted as what it is: a finding that said "is a folder" goes stale when the
    folder goes, as one that said "does not exist" does when a file comes.
    """
    try:
        data = read_regular(Path(path), _READ_LIMIT)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except NotRegularFile as err:
        return f"not a file: {err.what}"
    except OSError as err:
        return f"unreadable: {type(err).__name__} {err.errno}"
    return bytes_hash(data)


def bytes_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16, person=b"r").hexdigest()


def listing_key(folder: Path) -> str:
    """The entry under which a read notes the listing of a folder."""
    return str(folder.absolute()) + _LISTING


def markdown_files(folder: Path) -> list[Path]:
    """The Markdown files of a folder (not its subfolders), sorted; none if it cannot be read."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    found = []
    for entry in entries:
        try:
            if entry.name.endswith(".md") and entry.is_file():
                found.append(folder / entry.name)
        except OSError:
            continue
    return sorted(found)


def listing_hash(files: Sequence[Path]) -> str:
    names = "\0".join(path.name for path in files)
    return hashlib.blake2b(names.encode(errors="surrogateescape"), digest_size=16).hexdigest()


def _current(key: str) -> str | None:
    """What a read noted under this key would note now."""
    if key.endswith(_LISTING):
        return listing_hash(markdown_files(Path(key.removesuffix(_LISTING))))
    return file_hash(key)


def reads_of(paths: Iterable[str | Path]) -> Reads:
    """The hashes of files a check read, by absolute path."""
    return {str(Path(path).absolute()): file_hash(path) for path in paths}


def set_key(files: Sequence[tuple[str, str]]) -> str:
    """The key of the documents (path, content hash) linted together from this folder.

    In their order: which of two documents with the same ID is reported first
    depends on it.
    """
    listing = [str(Path.cwd()), list(files)]
    return hashlib.blake2b(repr(listing).encode(), digest_size=16).hexdigest()


class ResultCache:
    """Findings by their inputs, for one configuration."""

    def __init__(self, folder: Path, setup: object, *, name: str | None = None) -> None:
        if name is None:
            digest = hashlib.blake2b(
                json.dumps([__version__, setup], sort_keys=True, default=str).encode(),
                digest_size=12,
            ).hexdigest()
            name = f"lint-{digest}.json"
        self.folder = folder
        self.path = folder / name
        self.entries: dict[str, Any] = {}
        self.fresh: dict[str, Any] = {}
        self._sets: dict[str, Any] = {}
        try:
            entries = json.loads(read_regular(self.path, _LIMIT))
        except (OSError, ValueError):
            entries = {}
        # a file of another shape (edited, or written by something else) is no cache
        self.entries = entries if isinstance(entries, dict) else {}
        sets = self.entries.get(_CORPUS)
        self._sets = dict(sets) if isinstance(sets, dict) else {}

    @property
    def known(self) -> bool:
        """Whether this configuration has been used (and so validated) before."""
        return bool(self.entries)

    def get(self, path: str, digest: str) -> Hit | None:
        """Whether the file is a plan and its problems, if nothing they read changed."""
        entry: Any = self.entries.get(path)
        if not isinstance(entry, list) or len(entry) != 4 or entry[0] != digest:
            return None
        problems = _problems(entry[2])
        if problems is None or not _unchanged(entry[3]):
            return None
        self.fresh[path] = entry
        return Hit(bool(entry[1]), problems)

    def put(
        self, path: str, digest: str, plan: bool, problems: list[Problem], reads: Reads
    ) -> None:
        self.fresh[path] = [digest, plan, [list(problem) for problem in problems], reads]

    def get_corpus(self, key: str) -> list[Problem] | None:
        """The cross-document problems of a run over exactly this set, if their reads hold."""
        entry = self._sets.get(key)
        if not isinstance(entry, list) or len(entry) != 2 or not _unchanged(entry[0]):
            return None
        problems = _problems(entry[1])
        if problems is not None:
            self._sets[key] = self._sets.pop(key)  # the most recently used is kept longest
        return problems

    def put_corpus(self, key: str, problems: list[Problem], reads: Reads) -> None:
        self._sets.pop(key, None)
        self._sets[key] = [reads, [list(problem) for problem in problems]]

    def save(self) -> None:
        """Store this run's entries (with the other entries still there); never fails a run."""
        merged = {**self.entries, **self.fresh}
        kept = list(self._sets.items())[-_SETS:]
        if kept:
            merged[_CORPUS] = dict(kept)
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


def _problems(rows: object) -> list[Problem] | None:
    """The problems of a stored entry, or None when it is malformed."""
    if not isinstance(rows, list):
        return None
    for row in rows:
        if not isinstance(row, list) or len(row) != len(_ROW):
            return None
        if not all(type(value) is kind for value, kind in zip(row, _ROW, strict=True)):
            return None
    return [Problem(*row) for row in rows]


def _unchanged(reads: object) -> bool:
    """Whether every file an entry read still hashes as it did."""
    if not isinstance(reads, dict):
        return False
    return all(isinstance(path, str) and _current(path) == digest for path, digest in reads.items())


def file_key(source: Path | None, root: Path) -> str:
    """The key of a configuration as it is on disk: its file's path and bytes, or its folder.

    With the same file (or none, from the same folder), a run builds the same
    validated configuration, so the index below can name its result file before
    the configuration is validated.
    """
    data = b"" if source is None else read_regular(source)
    where = None if source is None else str(source.resolve())
    listing = repr([__version__, where, bytes_hash(data), str(root.resolve())])
    return hashlib.blake2b(listing.encode(), digest_size=16).hexdigest()


def remember(cache: ResultCache, key: str) -> None:
    """Note which result file the configuration with this `file_key` uses."""
    index = cache.folder / _INDEX
    known = _index(index)
    if known.get(key) == cache.path.name:
        return
    known[key] = cache.path.name
    with contextlib.suppress(OSError):  # as for the results: only slower
        write_atomic(index, json.dumps(dict(list(known.items())[-_KEEP * 4 :])))


def recall(folder: Path, key: str) -> ResultCache | None:
    """The results of the configuration with this `file_key`, if a run noted them."""
    name = _index(folder / _INDEX).get(key)
    if not isinstance(name, str) or not name.startswith("lint-") or "/" in name:
        return None
    cache = ResultCache(folder, None, name=name)
    return cache if cache.known else None


def _index(path: Path) -> dict[str, Any]:
    try:
        known = json.loads(read_regular(path, _LIMIT))
    except (OSError, ValueError):
        return {}
    return known if isinstance(known, dict) else {}


def folder(configured: Path, root: Path) -> Path:
    """The cache folder: $OPPLAN_CACHE_DIR, else the configured one from the config's folder."""
    override = os.environ.get(ENV)
    return Path(override) if override else root / configured
