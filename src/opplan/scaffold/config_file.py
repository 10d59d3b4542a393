"""Write an `opplan.toml` with every setting at its default, each with a comment saying what it is.

The file is made from the configuration model itself, so a setting added to the
model appears in it without anyone remembering to add it here.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from opplan.config.model import Config

HEADER = """\
# opplan's configuration: every setting at its default, with what it does.
# Change what you need and delete the rest; see opplan's README for each section.
"""


def default_config_text() -> str:
    """The text of an opplan.toml that sets every setting to its default."""
    defaults = Config(root=Path())
    lines = [HEADER.rstrip("\n")]
    for name, field in Config.model_fields.items():
        value = getattr(defaults, name)
        if isinstance(value, BaseModel):
            lines.extend(_table((name,), value, field.description or ""))
    return "\n".join(lines) + "\n"


def _table(path: tuple[str, ...], model: BaseModel, description: str) -> Iterator[str]:
    yield ""
    summary = (type(model).__doc__ or description).strip()
    yield from (f"# {line.strip()}".rstrip() for line in summary.splitlines())
    yield f"[{'.'.join(path)}]"
    tables: list[tuple[str, BaseModel, str]] = []
    for name, field in type(model).model_fields.items():
        value = getattr(model, name)
        note = field.description or ""
        if isinstance(value, BaseModel):
            tables.append((name, value, note))
        elif value is None or (isinstance(value, Mapping) and not value):
            if field.examples:
                yield f"# {name} = {_toml(field.examples[0])}  # {note}"
            else:
                table = ".".join((*path, name))
                yield f"# [{table}.*]: {note.rstrip('.')}; see the README."
        else:
            yield f"{name} = {_toml(value)}  # {note}"
    for name, value, note in tables:
        yield from _table((*path, name), value, note)


def _toml(value: Any) -> str:
    """A TOML value for a default: strings, numbers, booleans, paths, and lists and tables
    of them."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, Path):
        return json.dumps(value.as_posix())
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    if isinstance(value, Mapping):  # an inline table; its keys are names such as on-track
        return "{ " + ", ".join(f"{key} = {_toml(item)}" for key, item in value.items()) + " }"
    raise TypeError(f"no TOML form for {value!r}")
