"""Add opplan's hook to a `.pre-commit-config.yaml`, keeping the rest of the file as it is.

The entry is inserted as text at the end of the `repos` list, indented like the
items already there, so the file's own layout and comments are untouched; the
result is parsed back to make sure the hook landed in `repos`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from opplan.errors import UsageError

HOOK_ID = "opplan-lint"
_ENTRY = (
    "repo: local",
    "hooks:",
    f"  - id: {HOOK_ID}",
    "    name: opplan lint",
    "    entry: opplan lint",
    "    language: system",
    "    pass_filenames: false",
    "    files: '(\\.md|opplan\\.toml)$'",
)
NEW_FILE = "repos:\n" + "".join(
    f"{'  - ' if index == 0 else '    '}{line}\n" for index, line in enumerate(_ENTRY)
)


def with_hook(path: Path, text: str) -> str | None:
    """The file's text with opplan's hook added, or None when it already has one."""
    data = _load(path, text)
    if data is None:  # empty, or only comments
        return (text.rstrip("\n") + "\n" if text.strip() else "") + NEW_FILE
    repos = data.get("repos")
    if not isinstance(repos, CommentedSeq):
        raise UsageError(
            f"{path}:1: no 'repos' list; add one, or add the opplan hook by hand (see the README)"
        )
    if _has_hook(repos):
        return None
    lines = text.split("\n")
    if len(repos) == 0:
        row = _row(path, data, "repos")
        lines[row : row + 1] = NEW_FILE.rstrip("\n").split("\n")
        result = "\n".join(lines)
    else:
        result = _insert_after_last_item(path, data, repos, lines)
    check = (_load(path, result) or CommentedMap()).get("repos")
    if not isinstance(check, CommentedSeq) or len(check) != len(repos) + 1 or not _has_hook(check):
        raise UsageError(
            f"{path}:{_row(path, data, 'repos') + 1}: cannot add the opplan hook to this layout; "
            "add it by hand (see the README)"
        )
    return result


def _place(path: Path, node: CommentedMap | CommentedSeq, key: object) -> tuple[int, int]:
    """The 0-based line and column of a key or item written in the text; one that comes
    from a merge (`<<: *base`) has none, and the hook is then left to the user."""
    written = node.lc.data or {}
    if key not in written:
        raise UsageError(f"{path}: cannot add the opplan hook to this layout; add it by hand")
    return written[key][0], written[key][1]


def _row(path: Path, node: CommentedMap | CommentedSeq, key: object) -> int:
    return _place(path, node, key)[0]


def _insert_after_last_item(
    path: Path, data: CommentedMap, repos: CommentedSeq, lines: list[str]
) -> str:
    first_row, first_column = _place(path, repos, 0)
    dash = lines[first_row].rfind("-", 0, first_column)
    item_indent = " " * first_column
    dash_prefix = " " * dash + "-" + " " * (first_column - dash - 1)
    keys = list(data)
    after = keys.index("repos") + 1
    end = _row(path, data, keys[after]) if after < len(keys) else len(lines)
    while end > 0 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
        end -= 1
    entry = [
        (dash_prefix if index == 0 else item_indent) + line for index, line in enumerate(_ENTRY)
    ]
    return "\n".join([*lines[:end], *entry, *lines[end:]])


def _has_hook(repos: Sequence[object]) -> bool:
    for repo in repos:
        hooks = repo.get("hooks") if isinstance(repo, dict) else None
        for hook in hooks if isinstance(hooks, list) else ():
            if isinstance(hook, dict) and str(hook.get("id", "")).startswith("opplan"):
                return True
    return False


def _load(path: Path, text: str) -> CommentedMap | None:
    try:
        data = YAML(typ="rt").load(text)
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        raise UsageError(
            f"{path}:{line}: invalid YAML ({err.problem}); fix it, then run opplan init again"
        ) from None
    except YAMLError as err:
        raise UsageError(
            f"{path}:1: invalid YAML ({err}); fix it, then run opplan init again"
        ) from None
    if data is None:
        return None
    if not isinstance(data, CommentedMap):
        raise UsageError(f"{path}:1: expected a mapping with a 'repos' list; fix the file")
    return data
