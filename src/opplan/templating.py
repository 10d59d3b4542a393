"""Jinja templates: a repository's own folder first, then opplan's built-in ones.

Undefined variables are errors, and every template error becomes one line that
names the template file and line. A repository's templates are code its
contributors change in pull requests, so they run in Jinja's sandbox (no
access to Python's internals, so no way to run commands), and a template file
is read only if it lies, links resolved, inside the repository or opplan's
own templates, and is a regular file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

import jinja2
import jinja2.sandbox

from opplan.config.model import Config
from opplan.errors import UsageError
from opplan.fileio import MAX_FILE_SIZE, read_regular
from opplan.resources import templates_dir


class TemplateInfo(NamedTuple):
    """A template, where it comes from (built-in or local) and its file."""

    name: str
    origin: str
    path: Path


def local_dir(config: Config) -> Path:
    """The repository's template folder (it may not exist)."""
    return config.root / config.templates.folder


def repository(config: Config) -> Path:
    """The folder a repository's files are read from: the git checkout holding the
    configuration, else the configuration's folder."""
    root = config.root.resolve()
    return next((folder for folder in (root, *root.parents) if (folder / ".git").exists()), root)


def contained(path: Path, config: Config) -> Path:
    """`path` with its links resolved, refused unless inside the repository or opplan's
    own templates (a link in a pull request must not read the CI machine's files)."""
    resolved = path.resolve()
    allowed = (repository(config), templates_dir().resolve())
    if not any(resolved.is_relative_to(folder) for folder in allowed):
        raise UsageError(
            f"{path}: the template file is outside the repository ({allowed[0]}), "
            f"at {resolved}; keep templates inside it"
        )
    return resolved


class _Loader(jinja2.BaseLoader):
    """Jinja's file loader, reading only regular files that `contained` allows."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.folders = (local_dir(config), templates_dir())

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        pieces = jinja2.loaders.split_template_path(template)  # refuses '..'
        for folder in self.folders:
            path = folder.joinpath(*pieces)
            if not path.exists() or path.is_dir():
                continue
            resolved = contained(path, self.config)
            try:
                text = read_regular(resolved, MAX_FILE_SIZE).decode("utf-8")
            except (OSError, UnicodeDecodeError) as err:
                raise UsageError(f"{path}: cannot read the template ({err})") from None
            return text, str(path), _unchanged  # an environment lives for one command
        raise jinja2.TemplateNotFound(template)


def _unchanged() -> bool:
    return True


def environment(config: Config) -> jinja2.Environment:
    """A sandboxed Jinja environment that looks in the local folder, then the built-in one."""
    return jinja2.sandbox.SandboxedEnvironment(
        loader=_Loader(config),
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
