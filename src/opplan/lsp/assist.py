"""Hover and completion: the schema's keys and values in the frontmatter, rule IDs in comments."""

from __future__ import annotations

import re
from collections.abc import Sequence

from lsprotocol import types

from opplan import kinds
from opplan.lint.rule import documentation_url
from opplan.lsp.schema_help import Place, allowed, describe_field

# A suppression comment, in the body or the frontmatter, up to the rule IDs it names.
_SUPPRESSION = re.compile(r"(?:<!--|#)\s*opplan:\s*(?:disable|enable|disable-next-line)\s*=")
_RULE_PREFIX = re.compile(_SUPPRESSION.pattern + r"[\w\s,-]*$")  # typing its rule IDs
_KEY_PREFIX = re.compile(r"^(\s*)((?:-\s+)?)([A-Za-z_][\w-]*)?$")
_VALUE_PREFIX = re.compile(r"^(\s*)((?:-\s+)?)([A-Za-z_][\w-]*)\s*:\s*['\"]?([\w-]*)$")
_WORD = re.compile(r"[\w-]+")


def hover(lines: Sequence[str], row: int, column: int) -> str | None:
    """Markdown for the frontmatter key or the suppressed rule ID at a position."""
    if row >= len(lines):
        return None
    place = Place(lines)
    if place.inside(row):
        found = place.field(row)
        if found is not None:
            key, field, start = found
            if field is not None and start <= column <= start + len(key):
                return describe_field(key, field)
    return _rule_hover(lines[row], column)


def _rule_hover(line: str, column: int) -> str | None:
    opening = _SUPPRESSION.search(line)
    if opening is None or column < opening.end():
        return None
    from opplan.lint.rules import RULES  # noqa: PLC0415 - loads every rule

    for word in _WORD.finditer(line, opening.end()):
        if word.start() <= column <= word.end() and word.group() in RULES:
            rule = RULES[word.group()]
            text = (rule.__doc__ or "").strip()
            title, _, rest = text.partition("\n")
            url = documentation_url(rule.ID)
            link = f"\n\n[Documentation]({url})" if url else ""
            return f"**{rule.ID}** ({rule.LEVEL}): {title}\n\n{rest.strip()}{link}"
    return None


def complete(lines: Sequence[str], row: int, column: int) -> list[types.CompletionItem]:
    """What can be typed at a position: keys and values in the frontmatter, rule IDs.

    Each item replaces the part of the word typed so far (in characters of the line).
    """
    if row >= len(lines):
        return []
    prefix = lines[row][:column]
    rule = _RULE_PREFIX.search(prefix)
    if rule is not None:
        typed = re.search(r"[\w-]*$", prefix)
        return _replacing(_rules(), row, typed.start() if typed else column, column)
    place = Place(lines)
    if not place.inside(row):
        return []
    value = _VALUE_PREFIX.match(prefix)
    if value is not None:
        indent = len(value.group(1)) + len(value.group(2))
        items = _values(place, row, value.group(3), indent)
        return _replacing(items, row, value.start(4), column)
    key = _KEY_PREFIX.match(prefix)
    if key is not None:
        indent = len(key.group(1)) + len(key.group(2))
        return _replacing(_keys(place, row, indent), row, indent, column)
    return []


def _replacing(
    items: list[types.CompletionItem], row: int, start: int, end: int
) -> list[types.CompletionItem]:
    span = types.Range(types.Position(row, start), types.Position(row, end))
    for item in items:
        item.text_edit = types.TextEdit(range=span, new_text=item.insert_text or item.label)
        item.insert_text = None
    return items


def _keys(place: Place, row: int, indent: int) -> list[types.CompletionItem]:
    model = place.container(place.parents(row, indent))
    if model is None:
        return []
    taken = place.siblings(row, indent)
    return [
        types.CompletionItem(
            label=name,
            kind=types.CompletionItemKind.Property,
            detail="required" if field.is_required() else "optional",
            documentation=types.MarkupContent(
                kind=types.MarkupKind.Markdown, value=describe_field(name, field)
            ),
            insert_text=f"{name}: ",
            sort_text=f"{0 if field.is_required() else 1}{name}",
        )
        for name, field in model.model_fields.items()
        if name not in taken
    ]


def _values(place: Place, row: int, key: str, indent: int) -> list[types.CompletionItem]:
    parents = place.parents(row, indent)
    if not parents and key == "kind":
        values = list(kinds.NAMES)
    else:
        model = place.container(parents)
        field = model.model_fields.get(key) if model else None
        values = allowed(field.annotation) if field else []
    return [
        types.CompletionItem(
            label=value, kind=types.CompletionItemKind.EnumMember, sort_text=f"{index:03d}"
        )
        for index, value in enumerate(values)
    ]


def _rules() -> list[types.CompletionItem]:
    from opplan.lint.rule import summary  # noqa: PLC0415
    from opplan.lint.rules import RULES  # noqa: PLC0415

    return [
        types.CompletionItem(
            label=rule_id, kind=types.CompletionItemKind.Value, detail=summary(rule)
        )
        for rule_id, rule in RULES.items()
    ]
