"""`opplan new KIND`: write a new OP1, OP2, PR/FAQ or check-in from its template, or
pre-filled from the document it follows."""

from __future__ import annotations

import datetime as dt
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from opplan import config, kinds, templating
from opplan.config.model import Config
from opplan.errors import ExitCode, UsageError
from opplan.fileio import write_atomic
from opplan.names import choose, unknown
from opplan.paths import OutputExists, conventional_path, shown
from opplan.scaffold import checkin_from_plan, from_op1, from_previous, skeleton
from opplan.scaffold.values import Asker, Request, Values, complete

VARIANTS = ("full", "pr-only", "faq-only")
STDOUT = Path("-")


@dataclass(frozen=True)
class _Job:
    """What every way of starting a document needs."""

    settings: Config
    output: Path | None
    force: bool
    ask: Asker | None
    today: dt.date

    def values(self, request: Request) -> tuple[Values, Path]:
        """The request completed, and where the document goes (refused if it is there)."""
        values = complete(request, self.settings.new, self.ask, self.today)
        target = self.output or _default_path(self.settings, values)
        if target != STDOUT:
            _check_target(target, self.force)
        return values, target


@dataclass(frozen=True)
class _Draft:
    """A document made, before it is checked and written."""

    values: Values
    target: Path
    template: str  # the template it came from
    text: str
    notes: list[str] = field(default_factory=list)  # lines printed after "created ..."


def run(
    request: Request,
    *,
    variant: str | None = None,
    source: Path | None = None,
    previous: Path | None = None,
    output: Path | None = None,
    force: bool = False,
    config_file: Path | None = None,
    ask: Asker | None = None,
    today: dt.date | None = None,
) -> ExitCode:
    if request.kind == "rollup":
        raise UsageError("a roll-up is made from team plans: use 'opplan rollup PATHS --org NAME'")
    choose("document kind", request.kind, kinds.startable())
    _check_options(request, variant, source, previous)
    settings = config.load(config_file)
    job = _Job(settings, output, force, ask, today or dt.date.today())
    if source is not None and request.kind == "op2":
        draft = _op2_from_op1(job, request, source)
    elif source is not None:
        draft = _checkin_from_plan(job, request, source)
    else:
        draft = _skeleton(job, request, variant, previous)
    values, target, name = draft.values, draft.target, draft.template
    text = draft.text.rstrip("\n") + "\n"
    info = _template(settings, name)
    skeleton.checked(text, str(info.path) if info else name, values.kind)
    if target == STDOUT:  # the document alone on standard output; what it drew on, on stderr
        sys.stdout.write(text)
        sys.stderr.writelines(f"opplan: {note}\n" for note in draft.notes)
        return ExitCode.OK
    try:
        write_atomic(target, text)
    except OSError as err:
        raise UsageError(f"cannot write {target}: {err.strerror or err}; pass -o PATH") from None
    where = shown(target)
    sys.stdout.write(f"created {where} ({values.kind} from {_origin(info, name)})\n")
    sys.stdout.writelines(f"{note}\n" for note in draft.notes)
    sys.stdout.write(
        f"next: replace the [bracketed] placeholders and TODO values, then run: "
        f"opplan lint {where}\n"
    )
    tip = _tip(settings, values) if source is None else None
    if tip:
        sys.stdout.write(f"{tip}\n")
    return ExitCode.OK


def _op2_from_op1(job: _Job, request: Request, source: Path) -> _Draft:
    op1 = from_op1.read(source)
    values, target = job.values(from_op1.defaults(op1, request))
    name = "new/op2-from-op1.md.j2"
    before, after = from_op1.body_parts(op1)
    fields = from_op1.frontmatter_text(op1, values, target, job.today)
    text = templating.render(job.settings, name, frontmatter=fields, before=before, after=after)
    return _Draft(values, target, name, text)


def _checkin_from_plan(job: _Job, request: Request, source: Path) -> _Draft:
    plan = checkin_from_plan.read(source)
    values, target = job.values(checkin_from_plan.defaults(plan, request))
    beside = None if target == STDOUT else target
    looked = checkin_from_plan.earlier(plan, values, beside, job.settings)
    name = "new/checkin-from-plan.md.j2"
    fields = checkin_from_plan.frontmatter_text(plan, values, target, job.today, looked.earlier)
    text = templating.render(job.settings, name, frontmatter=fields)
    notes = [_carried(looked.earlier, values)]
    notes += [
        f"note: {shown(path)} fails the schema, so nothing was carried from it "
        f"(run: opplan lint {shown(path)})"
        for path in looked.invalid
    ]
    return _Draft(values, target, name, text, notes)


def _skeleton(job: _Job, request: Request, variant: str | None, previous: Path | None) -> _Draft:
    """The kind's skeleton; for an OP1 `--from-previous`, with last year's results."""
    year = from_previous.read(previous, job.settings) if previous is not None else None
    values, target = job.values(from_previous.defaults(year, request) if year else request)
    chosen = variant or job.settings.new.variant
    if chosen not in VARIANTS:
        raise unknown("variant", chosen, VARIANTS)
    name = skeleton.template_name(values.kind, chosen)
    context = skeleton.context(values, job.settings, chosen, job.today)
    text = templating.render(job.settings, name, **context)
    if year is None:
        return _Draft(values, target, name, text)
    scores, partial = job.settings.checkins.confidence_scores, job.settings.checkins.partial_score
    made = from_previous.op1(text, year, scores, partial)
    return _Draft(values, target, name, made.text, _closed(year, made))


def _check_options(
    request: Request, variant: str | None, source: Path | None, previous: Path | None
) -> None:
    """Refuse the options the kind does not take."""
    kind = request.kind
    if variant is not None and kind != "prfaq":
        raise UsageError("--variant is for prfaq only; leave it out for an OP1 or OP2")
    if source is not None and not kinds.get(kind).new_from:
        raise UsageError(
            "--from is for op2 and checkin only: opplan new op2 --from PATH/TO/op1.md, "
            "opplan new checkin --from PATH/TO/op2.md"
        )
    if previous is not None and kind != "op1":
        raise UsageError(
            "--from-previous is for op1 only: opplan new op1 --from-previous PATH/TO/op2.md"
        )
    if kind != "checkin" and (request.quarter is not None or request.final):
        option = "--quarter" if request.quarter is not None else "--final"
        raise UsageError(f"{option} is for checkin only; leave it out for a {kind}")


def _carried(carried: checkin_from_plan.Earlier | None, values: Values) -> str:
    if carried is None:
        return f"no earlier check-in of {values.team} {values.cycle} found: values start empty"
    return (
        f"carried forward from {shown(carried.path)} ({carried.quarter}): each goal's value, "
        "confidence and note and each initiative's status and note; update what moved"
    )


def _closed(year: from_previous.Year, made: from_previous.Made) -> list[str]:
    counts = ", ".join(f"{count} {status}" for status, count in made.statuses.items())
    lines = [
        f"results from {shown(year.checkin.path)} against {shown(year.plan.path)}: {counts}",
        "carried from the plan: charter, tenets, currency and partner teams (not yet pre-read)",
    ]
    if made.candidates:
        lines.append(
            "unfinished initiatives offered at the head of same_resources: "
            f"{', '.join(made.candidates)}; keep or delete each"
        )
    return lines


def _tip(settings: Config, values: Values) -> str | None:
    """A tip when the plan to pre-fill from is where the convention puts it."""
    for kind in kinds.get(values.kind).new_from:
        sibling = conventional_path(
            settings.root, settings.new.paths.pattern(kind), {**values.path_fields, "kind": kind}
        )
        if sibling.is_file():
            what = "the OP1" if values.kind == "op2" else "the plan"
            return (
                f"tip: opplan new {values.kind} --from {shown(sibling)} --force "
                f"pre-fills it from {what}"
            )
    return None


def _default_path(settings: Config, values: Values) -> Path:
    pattern = settings.new.paths.pattern(values.kind)
    try:
        return conventional_path(settings.root, pattern, values.path_fields)
    except KeyError as err:  # {quarter} in the pattern of a kind that has none
        raise UsageError(
            f"[new.paths] {values.kind} = {pattern!r} uses {{{err.args[0]}}}, which only a "
            "check-in has; change the pattern, or pass -o PATH"
        ) from None


def _check_target(target: Path, force: bool) -> None:
    if target.is_dir():
        raise UsageError(f"{target} is a folder; give -o a file path such as {target}/op1.md")
    if os.path.lexists(target) and not force:  # a dangling link too: writing would replace it
        raise OutputExists(
            f"{shown(target)} already exists; opplan new never overwrites a file "
            "(pass --force to replace it, or -o PATH to write elsewhere)"
        )


def _template(settings: Config, name: str) -> templating.TemplateInfo | None:
    return next((info for info in templating.templates(settings) if info.name == name), None)


def _origin(info: templating.TemplateInfo | None, name: str) -> str:
    if info is None or info.origin == "built-in":
        return f"the built-in template {name}"
    return f"the local template {shown(info.path)}"
