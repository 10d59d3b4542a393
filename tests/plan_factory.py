"""Generated team plans with known figures, for the roll-up tests and the bench.

Team i depends on team i+1, which commits to it, and each pair shares a goal
with the same metric and target, so a generated set lints clean across
documents. Every figure is a simple function of the index, so totals are known.
"""

from __future__ import annotations

from pathlib import Path

PARAGRAPH = (
    "We serve {n} internal customers and cut their median wait from 40 minutes to 12. "
    "Each change ships behind a flag, and each quarter we report the numbers to the "
    "teams that depend on us. "
)


def team(index: int) -> str:
    return f"Team {index:04d}"


def headcount(index: int) -> tuple[int, int, int]:
    """Headcount with the same resources, with more investment, and asked for."""
    return 10 + index % 7, 14 + index % 7, 1 + index % 4


def budget_asked(index: int) -> int:
    return 100_000 * (1 + index % 3)


def team_plan(
    index: int, count: int, *, cycle: int = 2027, org: str = "Commerce Engineering"
) -> str:
    """The OP1 of team `index` among `count` teams."""
    same, more, asked = headcount(index)
    after, before = team((index + 1) % count), team((index - 1) % count)
    initiatives = "".join(
        f"      - id: SR-{n}\n        name: Initiative {n} of {team(index)}\n" for n in range(1, 4)
    )
    return f"""\
---
kind: op1
title: {team(index)} OP1 {cycle}
team: {team(index)}
org: {org}
cycle: {cycle}
status: {("draft", "review", "approved")[index % 3]}
owners: [Owner {index}]
tracks:
  same_resources:
    headcount: {same}
    initiatives:
{initiatives}  more_investment:
    headcount: {more}
    initiatives:
      - id: MI-1
        name: The 10x bet of {team(index)}
goals:
  - id: G-1
    tier: {("company", "business", "team")[index % 3]}
    statement: Cut the median wait of our customers from 40 to 12 minutes.
    metric: Median wait in minutes
    target: 12
    due: {cycle}-12-31
    owners: [Owner {index}]
  - id: S-{index}
    tier: business
    statement: Ship the shared interface between {team(index)} and {after}.
    metric: Interface {index} adoption
    target: "100%"
    due: {cycle}-09-30
    teams: [{{team: {team(index)}}}, {{team: {after}}}]
  - id: S-{(index - 1) % count}
    tier: business
    statement: Ship the shared interface between {before} and {team(index)}.
    metric: Interface {(index - 1) % count} adoption
    target: "100%"
    due: {cycle}-09-30
    teams: [{{team: {before}}}, {{team: {team(index)}}}]
assumptions:
  - Demand grows 15% a year.
  - No reorganisation before the end of {cycle}.
  - Our partners keep their current APIs.
asks:
  - kind: headcount
    amount: {asked}
    what: {asked} engineers for the 10x bet
    by: {cycle}-01-31
  - kind: budget
    amount: {budget_asked(index)}
    what: Cloud capacity for the 10x bet
    by: {cycle}-03-01
risks:
  - risk: A key partner slips by a quarter.
    likelihood: medium
    impact: high
    mitigation: Monthly check-ins and a fallback plan.
    owner: Owner {index}
dependencies:
  - team: {after}
    need: Interface {index} by June
    by: {cycle}-06-30
commitments:
  - team: {before}
    what: Interface {(index - 1) % count} by June
---
# Introduction

{PARAGRAPH.format(n=index) * 3}

# Last year's results

{PARAGRAPH.format(n=index) * 4}

# Plan with the same resources

{PARAGRAPH.format(n=index) * 6}

# Appendix

Data tables.
"""


def write_plans(folder: Path, count: int, **options: object) -> list[Path]:
    """Write the OP1s of `count` teams under `folder`, one folder per team."""
    paths = []
    for index in range(count):
        path = folder / f"team-{index:04d}" / "op1.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(team_plan(index, count, **options), encoding="utf-8")  # type: ignore[arg-type]
        paths.append(path)
    return paths
