"""`opplan new KIND`: write a new OP1, OP2 or PR/FAQ from its template."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from opplan import config, kinds, templating
from opplan.config.model import Config
from opplan.errors import ExitCode, UsageError
from opplan.fileio import write_atomic
from opplan.names import choose, unknown
from opplan.paths import OutputExists, conventional_path
from opplan.scaffold import from_op1, skeleton
from opplan.scaffold.values import Asker, Request, Values, complete

VARIANTS = ("full", "pr-only", "faq-only")
STDOUT = Path("-")


def run(
    request: Request,
    *,
    variant: str | None = None,
    source: Path | None = None,
    output: Path | None = None,
    force: bool = False,
    config_file: Path | None = None,
    ask: Asker | None = None,
    today: dt.date | None = None,
) -> ExitCode:
    if request.kind == "rollup":
        raise UsageError("a roll-up is made from team plans: use 'opplan rollup PATHS --org NAME'")
    choose("document kind", request.kind, kinds.startable())
    if variant is not None and request.kind != "prfaq":
        raise UsageError("--variant is for prfaq only; leave it out for an OP1 or OP2")
    if source is not None and request.kind != "op2":
        raise UsageError("--from is for op2 only: opplan new op2 --from PATH/TO/op1.md")
    settings = config.load(config_file)
    today = today or dt.date.today()
    op1 = from_op1.read(source) if source is not None else None
    values = complete(from_op1.defaults(op1, request) if op1 else request, settings.new, ask, today)
    target = output or _default_path(settings, values)
    if target != STDOUT:
        _check_target(target, force)
    if op1 is not None:
        name = "new/op2-from-op1.md.j2"
        before, after = from_op1.body_parts(op1)
        fields = from_op1.frontmatter_text(op1, values, target, today)
        text = templating.render(settings, name, frontmatter=fields, before=before, after=after)
    else:
        chosen = variant or settings.new.variant
        if chosen not in VARIANTS:
            raise unknown("variant", chosen, VARIANTS)
        name = skeleton.template_name(values.kind, chosen)
        text = templating.render(
            settings, name, **skeleton.context(values, settings, chosen, today)
        )
    text = text.rstrip("\n") + "\n"
    info = _template(settings, name)
    skeleton.checked(text, str(info.path) if info else name, values.kind)
    if target == STDOUT:
        sys.stdout.write(text)
        return ExitCode.OK
    try:
        write_atomic(target, text)
    except OSError as err:
        raise UsageError(f"cannot write {target}: {err.strerror or err}; pass -o PATH") from None
    shown = _shown(target)
    sys.stdout.write(
        f"created {shown} ({values.kind} from {_origin(info, name)})\n"
        f"next: replace the [bracketed] placeholders and TODO values, then run: "
        f"opplan lint {shown}\n"
    )
    if values.kind == "op2" and op1 is None:
        sibling = conventional_path(
            settings.root, settings.new.paths.pattern("op1"), {**values.path_fields, "kind": "op1"}
        )
        if sibling.is_file():
            sys.stdout.write(
                f"tip: opplan new op2 --from {_shown(sibling)} --force pre-fills it from the OP1\n"
            )
    return ExitCode.OK


def _default_path(settings: Config, values: Values) -> Path:
    pattern = settings.new.paths.pattern(values.kind)
    return conventional_path(settings.root, pattern, values.path_fields)


def _check_target(target: Path, force: bool) -> None:
    if target.is_dir():
        raise UsageError(f"{target} is a folder; give -o a file path such as {target}/op1.md")
    if os.path.lexists(target) and not force:  # a dangling link too: writing would replace it
        raise OutputExists(
            f"{_shown(target)} already exists; opplan new never overwrites a file "
            "(pass --force to replace it, or -o PATH to write elsewhere)"
        )


def _template(settings: Config, name: str) -> templating.TemplateInfo | None:
    return next((info for info in templating.templates(settings) if info.name == name), None)


def _origin(info: templating.TemplateInfo | None, name: str) -> str:
    if info is None or info.origin == "built-in":
        return f"the built-in template {name}"
    return f"the local template {_shown(info.path)}"


def _shown(path: Path) -> str:
    """The path as the user would type it: relative to the current folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
