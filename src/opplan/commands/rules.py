"""`opplan rules [ID]`: list the lint rules, or print one rule's documentation."""

from __future__ import annotations

import sys
from inspect import cleandoc

from opplan import section_match
from opplan.errors import ExitCode
from opplan.lint import rules
from opplan.lint.rule import CorpusRule, summary


def run(rule_id: str | None = None) -> ExitCode:
    if rule_id is None:
        width = max(len(rule_id) for rule_id in rules.RULES)
        kinds = max(len(_kinds(rule.KINDS)) for rule in rules.RULES.values())
        lines = [
            f"{rule.ID:<{width}}  {rule.LEVEL:<7}  {_kinds(rule.KINDS):<{kinds}}  {summary(rule)}"
            for rule in rules.RULES.values()
        ]
        header = f"{'rule':<{width}}  {'level':<7}  {'kinds':<{kinds}}  what it checks"
        sys.stdout.write("\n".join([header, *lines]) + "\n")
        return ExitCode.OK
    rule = rules.get(rule_id)
    doc = cleandoc(getattr(rule, "__doc__", None) or "")
    facts = [
        f"rule: {rule.ID}",
        f"default level: {rule.LEVEL}",
        f"applies to: {_kinds(rule.KINDS)}",
        *([f"reads: {_kinds(reads)} (linted with them)"] if (reads := _reads(rule)) else []),
        *(f"option {key} = {value!r}" for key, value in rule.DEFAULT.items() if key != "aliases"),
    ]
    if "aliases" in rule.DEFAULT:
        facts.append("option aliases = {} (added to the headings below)")
        facts.append(
            "\nheadings that count for each section (any level, numbering and case aside):"
        )
        facts.extend(f"  {line}" for line in section_match.describe(section_match.SYNONYMS))
    sys.stdout.write(f"{doc}\n\n" + "\n".join(facts) + "\n")
    return ExitCode.OK


def _reads(rule: object) -> tuple[str, ...]:
    """The kinds a cross-document rule reads besides those it checks."""
    return rule.READS if isinstance(rule, CorpusRule) else ()


def _kinds(kinds: tuple[str, ...]) -> str:
    return ",".join(kinds) if kinds else "all"
