"""The fast frontmatter reader gives what the round-trip reader gives, or steps aside."""

from __future__ import annotations

import io
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from conftest import EXAMPLES
from opplan.document import fastyaml, frontmatter
from opplan.errors import DocumentError


def same(fast: Any, slow: Any, where: tuple[object, ...] = ()) -> None:
    assert fast == slow and type(fast) in (type(slow), *type(slow).__mro__), where
    if isinstance(slow, dict):
        assert (fast.lc.line, fast.lc.col) == (slow.lc.line, slow.lc.col), where
        for key in slow:
            # An empty value (null) has no position of its own: only its key's must agree.
            width = 2 if slow[key] is None else 4
            assert fast.lc.data[key][:width] == slow.lc.data[key][:width], (*where, key)
            same(fast[key], slow[key], (*where, key))
    elif isinstance(slow, list):
        assert fast.lc.data == slow.lc.data, where
        for index, (a, b) in enumerate(zip(fast, slow, strict=True)):
            same(a, b, (*where, index))


def both(text: str) -> tuple[Any, Any]:
    parts = frontmatter.Split(text, "", 2, 3)
    return fastyaml.load(text), frontmatter.parse("x.md", parts)


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.md")), ids=lambda p: p.name)
def test_examples_read_the_same(path: Any) -> None:
    parts = frontmatter.split(str(path), path.read_text(encoding="utf-8"))
    fast = fastyaml.load(parts.frontmatter)
    assert fast is not None
    same(fast, frontmatter.parse(str(path), parts))


@pytest.mark.parametrize(
    "text",
    [
        "a: 010\n",  # octal-looking: YAML versions disagree
        "a: 12:30\n",
        "a: 2027-01-01 10:00\n",
        "a: &x [*x]\n",  # an alias inside its own anchor
        "a: &x 1\nb: &x 2\n",  # an anchor defined again
        "a: !!str 1\n",
        "a: 1\na: 2\n",
        "<<: {a: 1}\n",
        "a: [1\n",
        "a:\tb\n",
    ],
)
def test_unusual_frontmatter_is_left_to_the_round_trip_reader(text: str) -> None:
    assert fastyaml.load(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",
        "a: &x [1, {b: 2}]\nc: [*x, *x]\nd: {e: *x}\n",
        "a: &x\n  - b: 1\nc:\n  - *x\n  - *x\n",
    ],
)
def test_aliases_read_the_same_and_share_their_anchor(text: str) -> None:
    fast, slow = both(text)
    same(fast, slow)
    if isinstance(fast["a"], list):
        assert fast["c"][0] is fast["a"]  # shared, not copied: aliases cost no more work


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False),
    st.dates(),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=30),
)
KEYS = st.text("abcdefghij_-", min_size=1, max_size=8)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(KEYS, VALUES, min_size=1, max_size=6), st.booleans())
def test_generated_frontmatter_reads_the_same(data: dict[str, Any], flow: bool) -> None:
    yaml = YAML(typ="rt")
    yaml.default_flow_style = flow
    stream = io.StringIO()
    yaml.dump(data, stream)
    try:
        fast, slow = both(stream.getvalue())
    except DocumentError:
        assume(False)  # ruamel.yaml cannot read back what it wrote (seen with '?' in flow style)
    if fast is not None:
        same(fast, slow)
