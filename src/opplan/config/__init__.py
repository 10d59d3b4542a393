"""opplan's configuration: found, read and validated once, at start-up of a command.

Configuration lives in `opplan.toml`, or in `[tool.opplan]` of `pyproject.toml`,
in the current folder or the nearest folder above it; `--config FILE` names one
directly. Each top-level table is a section with its own model under
`opplan.config.*`; an unknown section, key or value is an exit-2 error that
names the file, the line and the nearest valid key.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from opplan.config.errors import config_error
from opplan.config.model import Config
from opplan.config_file import FILENAMES, find, prefix
from opplan.errors import UsageError
from opplan.fileio import read_regular


def load(explicit: Path | None = None, start: Path | None = None) -> Config:
    """The configuration in force: from `explicit`, else the nearest file, else defaults."""
    path = explicit or find(start or Path.cwd())
    if path is None:
        return Config(root=(start or Path.cwd()).resolve())
    text, table = _read(path)
    try:
        config = Config.model_validate({**table, "root": path.resolve().parent})
    except ValidationError as err:
        raise config_error(path, text, table, err, Config, prefix=prefix(path)) from None
    return config.model_copy(update={"source": path})


def _read(path: Path) -> tuple[str, dict[str, object]]:
    import tomllib  # noqa: PLC0415 - only when there is a configuration file

    try:
        text = read_regular(path).decode("utf-8")
    except FileNotFoundError:
        raise UsageError(f"{path}: no such configuration file; check --config") from None
    except (OSError, UnicodeDecodeError) as err:
        raise UsageError(f"{path}: cannot read the configuration file ({err})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        line = getattr(err, "lineno", 1)
        reason = str(err).split(" (at line", 1)[0]
        raise UsageError(f"{path}:{line}: invalid TOML: {reason}; fix the syntax") from None
    for key in prefix(path):
        data = data.get(key, {})
    return text, data


__all__ = ["FILENAMES", "Config", "find", "load"]
