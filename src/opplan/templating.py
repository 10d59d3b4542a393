"""Jinja templates: a repository's own folder first, then opplan's built-in ones.

Undefined variables are errors, and every template error becomes one line that
names the template file and line.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import jinja2

from opplan.config.model import Config
from opplan.errors import UsageError
from opplan.resources import templates_dir


class TemplateInfo(NamedTuple):
    """A template, where it comes from (built-in or local) and its file."""

    name: str
    origin: str
    path: Path


def local_dir(config: Config) -> Path:
    """The repository's template folder (it may not exist)."""
    return config.root / config.templates.folder


def environment(config: Config) -> jinja2.Environment:
    """A Jinja environment that looks in the local folder, then the built-in one."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader([local_dir(config), templates_dir()]),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
    )


def render(config: Config, name: str, **values: Any) -> str:
    """Render template `name` (e.g. "new/op1.md.j2") with `values`."""
    env = environment(config)
    try:
        template = env.get_template(name)
        return template.render(**values)
    except jinja2.TemplateNotFound:
        raise UsageError(
            f"no template {name!r} in {local_dir(config)} or the built-in templates; "
            "'opplan templates' lists them"
        ) from None
    except jinja2.TemplateSyntaxError as err:
        where = f"{err.filename or name}:{err.lineno}"
        raise UsageError(
            f"{where}: template syntax error: {err.message}; fix the template"
        ) from None
    except jinja2.TemplateError as err:
        raise UsageError(f"{_origin(env, name)}:{_line(err)}: template error: {err}") from None


def templates(config: Config) -> Iterator[TemplateInfo]:
    """Every template by name, the local one where it overrides a built-in one."""
    local, builtin = local_dir(config), templates_dir()
    names: dict[str, TemplateInfo] = {}
    for origin, folder in (("built-in", builtin), ("local", local)):
        if folder.is_dir():
            for path in sorted(folder.rglob("*.j2")):
                name = path.relative_to(folder).as_posix()
                names[name] = TemplateInfo(name, origin, path)
    yield from sorted(names.values())


def _origin(env: jinja2.Environment, name: str) -> str:
    try:
        source = env.loader.get_source(env, name)[1] if env.loader else None
    except jinja2.TemplateNotFound:
        source = None
    return source or name


def _line(err: BaseException) -> int:
    """The template line of a render-time error, from the traceback Jinja rewrites."""
    line = 1
    tb = err.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith(".j2"):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
