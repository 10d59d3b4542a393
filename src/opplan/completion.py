"""Shell completion of option values: rule IDs, kinds, formats, tables and templates.

typer calls these while a shell completes a command line (after
`opplan --install-completion`). Each imports what it lists only when it runs,
so that `opplan` itself starts as fast as before. Each returns the values that
start with what was typed, with a short help where the shell shows one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from opplan import kinds

Choices = list[tuple[str, str]]


def _starting(incomplete: str, values: Iterable[tuple[str, str]]) -> Choices:
    return [(value, help_text) for value, help_text in values if value.startswith(incomplete)]


def rule_ids(incomplete: str) -> Choices:
    from opplan.lint.rule import summary  # noqa: PLC0415
    from opplan.lint.rules import RULES  # noqa: PLC0415

    return _starting(incomplete, ((rule_id, summary(rule)) for rule_id, rule in RULES.items()))


def document_kinds(incomplete: str) -> Choices:
    """What `opplan new` starts."""
    return _kinds(incomplete, kinds.startable().values())


def schema_kinds(incomplete: str) -> Choices:
    """Every kind with a schema, the roll-up included."""
    return _kinds(incomplete, kinds.KINDS.values())


def plan_kinds(incomplete: str) -> Choices:
    """The kinds a roll-up reads."""
    return _kinds(incomplete, kinds.where(plan=True).values())


def listed(names: Iterable[str]) -> str:
    """Names for a help text: "op1, op2 or prfaq"."""
    *rest, last = names
    return f"{', '.join(rest)} or {last}" if rest else last


def _kinds(incomplete: str, chosen: Iterable[kinds.Kind]) -> Choices:
    return _starting(incomplete, ((kind.name, kind.summary) for kind in chosen))


def formats(command: str) -> Callable[[str], Choices]:
    """What `command --format` offers, from the registry of output formats."""

    def formats(incomplete: str) -> Choices:
        from opplan.output import FORMATS  # noqa: PLC0415

        return _starting(incomplete, ((name, fmt.help) for name, fmt in FORMATS[command].items()))

    return formats


def render_formats(incomplete: str) -> Choices:
    """--to takes a comma-separated list: complete its last item."""
    from opplan.render.document import FORMATS  # noqa: PLC0415

    done, _, last = incomplete.rpartition(",")
    chosen = set(done.split(",")) if done else set()
    prefix = f"{done}," if done else ""
    return [(prefix + name, "") for name in FORMATS if name.startswith(last) and name not in chosen]


def export_tables(incomplete: str) -> Choices:
    from opplan.collab.export import TABLES  # noqa: PLC0415

    return _starting(incomplete, ((name, "") for name in TABLES))


def prfaq_variants(incomplete: str) -> Choices:
    from opplan.commands.new import VARIANTS  # noqa: PLC0415

    return _starting(incomplete, ((name, "") for name in VARIANTS))


def quarters(incomplete: str) -> Choices:
    """A check-in's quarter, Q1 to Q4."""
    from opplan.vocabulary import QUARTERS  # noqa: PLC0415

    return _starting(incomplete.upper(), ((quarter, "") for quarter in QUARTERS))


def templates(incomplete: str) -> Choices:
    """The built-in templates (what `opplan templates --copy` copies)."""
    from opplan.resources import templates_dir  # noqa: PLC0415

    folder = templates_dir()
    names = sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*.j2"))
    return _starting(incomplete, ((name, "") for name in names))
