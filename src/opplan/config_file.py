"""Where the configuration is: the nearest `opplan.toml`, or `pyproject.toml` with
`[tool.opplan]`, at or above a folder.

Kept apart from the models (`opplan.config`), so that a run answered from the
lint cache finds its configuration file without importing pydantic.
"""

from __future__ import annotations

from pathlib import Path

from opplan.fileio import read_regular

FILENAMES = ("opplan.toml", "pyproject.toml")


def find(start: Path) -> Path | None:
    """The nearest configuration file at or above `start`."""
    for folder in (start.resolve(), *start.resolve().parents):
        for name in FILENAMES:
            candidate = folder / name
            if candidate.is_file() and (name == "opplan.toml" or _has_opplan_table(candidate)):
                return candidate
    return None


def prefix(path: Path) -> tuple[str, ...]:
    """Where opplan's tables sit in the file: under [tool.opplan] in pyproject.toml."""
    return ("tool", "opplan") if path.name == "pyproject.toml" else ()


def _has_opplan_table(path: Path) -> bool:
    import tomllib  # noqa: PLC0415 - only for a pyproject.toml

    try:
        return "opplan" in tomllib.loads(read_regular(path).decode("utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
