"""The files of a run: those named, and the candidates found in the folders named.

Each is read once, here, and hashed for the cache, however many times the
command line names it (a file, and a folder it is in); a document read from
standard input stands for the file of its name. A file that cannot be read
is a problem of the run; a folder that holds no plan is reported by the engine
once the files are checked (only then is it known which were plans).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

from opplan.errors import DocumentError
from opplan.fileio import is_folder, read_regular
from opplan.lint.cache import content_hash, slot
from opplan.lint.check import problem_from
from opplan.problem import Problem
from opplan.workspace import discovery


class File(NamedTuple):
    path: Path
    data: bytes
    explicit: bool  # named on the command line, not found in a folder
    digest: str
    folders: frozenset[int]  # the indexes of the folder arguments it was found in

    @property
    def slot(self) -> str:
        """Its entry in the cache: a file both named and found in a folder has two."""
        return slot(str(self.path), explicit=self.explicit)


_Target = tuple[Path, bool, frozenset[int]]  # a file, whether it was named, its folders


class Gathered(NamedTuple):
    files: list[File]
    folders: set[int]  # the indexes of the folder arguments
    problems: list[Problem]  # files that could not be read


def gather(
    paths: Sequence[Path],
    rules: discovery.Filter,
    *,
    plans_only: bool,
    given: Mapping[Path, bytes],
    limit: int,
) -> Gathered:
    """The files to check, read, and the indexes of the folder arguments."""
    found = Gathered([], set(), [])
    found.folders.update(
        index for index, path in enumerate(paths) if path not in given and is_folder(path)
    )
    targets = _targets(paths, rules, plans_only=plans_only, given=given)
    for path, explicit, folders in _each_once(targets, given) if len(paths) > 1 else targets:
        try:
            data = given[path] if path in given else _read(path, limit)
        except DocumentError as err:
            found.problems.append(problem_from(err))
            continue
        digest = content_hash(data, explicit=explicit)
        found.files.append(File(path, data, explicit, digest, folders))
    return found


def _read(path: Path, limit: int) -> bytes:
    try:
        return read_regular(path, limit)
    except OSError:
        from opplan.document.loader import read_bytes  # noqa: PLC0415 - its errors say why

        return read_bytes(path, limit)


def _targets(
    paths: Sequence[Path],
    rules: discovery.Filter,
    *,
    plans_only: bool,
    given: Mapping[Path, bytes],
) -> Iterator[_Target]:
    """Each file to check, whether it was named, and the index of the folder it was found in."""
    for index, path in enumerate(paths):
        if path not in given and is_folder(path):
            for found in discovery.markdown_files(path, rules):
                yield found, False, frozenset({index})
        elif not (plans_only and rules.excluded(path)):
            yield path, not plans_only, frozenset()


def _each_once(targets: Iterable[_Target], given: Mapping[Path, bytes]) -> list[_Target]:
    """Each file once, where it first came: named if it was named, in every folder it
    was found in, and spelt as standard input names it, else as it was first spelt."""
    first: dict[str, _Target] = {}
    for target in targets:
        key = discovery.same_file(target[0])
        earlier = first.get(key, target)
        shown = target[0] if target[0] in given else earlier[0]
        first[key] = (shown, earlier[1] or target[1], earlier[2] | target[2])
    return list(first.values())


def empty_folder(path: Path) -> Problem:
    return Problem(
        str(path),
        1,
        1,
        "error",
        "input",
        "no plan documents here (Markdown files whose frontmatter has a 'kind'); "
        "check the path or run 'opplan new'",
    )
