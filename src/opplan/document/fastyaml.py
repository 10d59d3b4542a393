"""A fast read of plain frontmatter, for linting many documents.

ruamel.yaml's round-trip loader keeps comments but takes tens of milliseconds
for an OP1's frontmatter. Here libyaml (through PyYAML's C parser) builds the
node tree, and the scalars are resolved the way ruamel.yaml resolves them
(YAML 1.2). The result is a CommentedMap with every key's and item's position,
as `frontmatter.parse` gives, but without comments. Anything out of the
ordinary (a syntax error, tags, merge keys, duplicate keys, times, unusual
numbers) returns None, and the caller uses the round-trip loader,
which stays the authority.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml
from ruamel.yaml.comments import CommentedMap, CommentedSeq

_Parser: Any = getattr(yaml, "CBaseLoader", None)  # libyaml, without tag resolution

_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?|[-+]?[0-9]+[eE][-+]?[0-9]+")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Plain scalars that YAML may read as something other than text: left to ruamel.yaml.
_NUMBERISH = re.compile(
    r"[-+]?(0[xXoObB][0-9a-fA-F_]+|[0-9][0-9_]*(:[0-9_]+)*(\.[0-9_]*)?([eE][-+]?[0-9]+)?"
    r"|\.?(inf|Inf|INF|nan|NaN|NAN))|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt]|\s+[0-9]).*"
)

# The first characters of plain scalars that may be something other than text:
# null, ~, true, false, numbers, dates, .inf, .nan, and inf/nan (left to ruamel.yaml).
_MAYBE_NOT_TEXT = frozenset("~nNtTfFiI.+-0123456789")

# With the base loader every node without an explicit tag gets one of these, and
# the scalars are resolved here; a node with any other tag was tagged explicitly.
_UNTAGGED = frozenset({"tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"})


class _Unusual(Exception):
    """The frontmatter needs the round-trip loader."""


def load(text: str) -> CommentedMap | None:
    """The frontmatter as a mapping with positions, or None to use the round-trip loader."""
    if _Parser is None or "\t" in text or ("!" in text and _has_tag(text)):
        return None
    parser = _Parser(text)
    try:
        node = parser.get_single_node()
        result = _Builder().build(node) if node is not None else None
    except (yaml.YAMLError, _Unusual, ValueError, RecursionError):
        return None
    finally:
        parser.dispose()
    return result if isinstance(result, CommentedMap) else None


def _has_tag(text: str) -> bool:
    return re.search(r"(^|[\s\[{,:-])!", text) is not None


class _Builder:
    def __init__(self) -> None:
        # An alias is its anchor's node again: it gets the object built for the anchor,
        # as ruamel.yaml shares it, so building takes time in proportion to the text.
        self.built: dict[int, object] = {}
        self.building: set[int] = set()

    def build(self, node: yaml.Node) -> object:
        if id(node) in self.built:
            return self.built[id(node)]
        if id(node) in self.building or node.tag not in _UNTAGGED:
            raise _Unusual  # an alias inside its own anchor, or an explicit tag
        self.building.add(id(node))
        if isinstance(node, yaml.MappingNode):
            result: object = self.mapping(node)
        elif isinstance(node, yaml.SequenceNode):
            result = self.sequence(node)
        else:
            result = _scalar(node)
        self.building.discard(id(node))
        self.built[id(node)] = result
        return result

    def mapping(self, node: yaml.MappingNode) -> CommentedMap:
        result = CommentedMap()
        result._yaml_set_line_col(node.start_mark.line, node.start_mark.column)
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.value == "<<":
                raise _Unusual
            key = self.build(key_node)
            if not isinstance(key, str | int) or isinstance(key, bool) or key in result:
                raise _Unusual
            result[key] = self.build(value_node)
            key_mark, value_mark = key_node.start_mark, value_node.start_mark
            result._yaml_set_kv_line_col(
                key, [key_mark.line, key_mark.column, value_mark.line, value_mark.column]
            )
        return result

    def sequence(self, node: yaml.SequenceNode) -> CommentedSeq:
        result = CommentedSeq()
        result._yaml_set_line_col(node.start_mark.line, node.start_mark.column)
        for index, item in enumerate(node.value):
            result.append(self.build(item))
            result._yaml_set_idx_line_col(index, [item.start_mark.line, item.start_mark.column])
        return result


def _scalar(node: yaml.ScalarNode) -> object:
    value: str = node.value
    if node.style:
        return value  # quoted, literal or folded: always text
    if value and value[0] not in _MAYBE_NOT_TEXT:
        return value  # most scalars: the checks below could only say "text"
    if value in _NULL:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if _INT.fullmatch(value):
        return int(value)
    if _FLOAT.fullmatch(value):
        return float(value)
    if _DATE.fullmatch(value):
        return dt.date.fromisoformat(value)  # ValueError for an impossible date
    if _NUMBERISH.fullmatch(value):
        raise _Unusual
    return value
