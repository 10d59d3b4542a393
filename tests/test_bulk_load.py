"""Commands that read many plans (rollup, export, codeowners) read them the fast way,
and get the same documents as the round-trip reader gives."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import BODY, EXAMPLES
from opplan.collab.corpus import load_documents
from opplan.config import Config
from opplan.document import load
from plan_factory import write_plans
from test_fastyaml import same

COMMENTED = """\
---
# opplan: disable=asks-count
kind: op1
title: "Commented OP1 2027"  # a quoted title
team: Commented
cycle: 2027
status: draft
owners: [Dana Reyes]  # the owner
tracks:
  same_resources: {headcount: 4}
  more_investment: {headcount: 6.5}
---
"""

# Anchors are left to the round-trip reader: the result must still be the same.
ANCHORED = """\
---
kind: op1
title: Anchored OP1 2027
team: &team Anchored
cycle: 2027
status: review
owners: [*team]
tracks:
  same_resources: {headcount: 4}
  more_investment: {headcount: 6}
---
"""


def test_bulk_loading_gives_the_round_trip_documents(tmp_path: Path) -> None:
    for example in EXAMPLES.glob("*.md"):
        shutil.copy(example, tmp_path / example.name)
    write_plans(tmp_path / "plans", 4)
    (tmp_path / "commented.md").write_text(COMMENTED + BODY, encoding="utf-8")
    (tmp_path / "anchored.md").write_text(ANCHORED + BODY, encoding="utf-8")
    (tmp_path / "invalid.md").write_text(
        COMMENTED.replace("status: draft", "status: done") + BODY, encoding="utf-8"
    )

    docs = load_documents([tmp_path], Config(root=tmp_path).lint)

    assert (
        len(docs) == len(list(tmp_path.rglob("*.md"))) == len(list(EXAMPLES.glob("*.md"))) + 4 + 3
    )
    for doc in docs:
        slow = load(Path(doc.path))
        assert (doc.path, doc.kind, doc.text) == (slow.path, slow.kind, slow.text)
        assert doc.model == slow.model, doc.path
        assert doc.schema_findings == slow.schema_findings, doc.path
        assert doc.body == slow.body, doc.path
        assert doc.frontmatter_line == slow.frontmatter_line
        same(doc.meta, slow.meta, (doc.path,))
    invalid = next(doc for doc in docs if doc.path.endswith("invalid.md"))
    assert invalid.model is None and invalid.schema_findings
    # Read the fast way: the comments, which only the round-trip reader keeps, are not there.
    commented = next(doc for doc in docs if doc.path.endswith("commented.md"))
    assert load(Path(commented.path)).meta.ca.items and not commented.meta.ca.items
