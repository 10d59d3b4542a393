"""Write a corpus of realistic plan documents for the lint bench.

    python bench/generate.py OUT [--per-kind N] [--seed S]

Writes N OP1s, N OP2s and N PR/FAQs (default 334 each: 1,002 documents) of
2,500-3,500 words each, with full frontmatter and the defects real drafts
have: a missing section, placeholders, weasel words, links, bullet lists,
risks without owners, asks without dates, a goal without a baseline. About
a third of the documents are clean.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

TEAMS = [
    "Payments",
    "Search",
    "Checkout",
    "Ads Billing",
    "Seller Tools",
    "Catalog",
    "Fraud",
    "Ledger",
]
PEOPLE = ["Priya Raman", "Sam Patel", "Wei Zhang", "Aisha Bello", "Tom Okafor", "Lena Fischer"]
SUBJECTS = [
    "The authorization rate",
    "Checkout latency",
    "Seller churn",
    "Refund volume",
    "The failure rate",
    "Weekly active sellers",
    "Settlement time",
    "Support contacts",
]
VERBS = ["rose from", "fell from", "moved from", "went from"]
CLAUSES = [
    "because the processor certification took 11 weeks, not 4",
    "after we moved 3 refund flows to the ledger",
    "when the second region went live",
    "since Checkout adopted the 8-second timeout",
    "as 38% of stored cards got a token",
    "while volume grew 18% to $9.9 billion",
]
WEASELS = ["significantly", "very", "nearly all", "should be able to", "various"]
PLAN_SECTIONS = [
    "Introduction",
    "Tenets",
    "Last year's results",
    "Lessons learned",
    "Goals",
    "Plan with the same resources",
    "Plan with more investment",
    "Key assumptions",
    "Resource asks",
    "Risks",
    "Dependencies",
]
OP2_EXTRA = ["Changes since the OP1 review", "Review actions"]


def sentence(rng: random.Random) -> str:
    a, b = sorted(rng.sample(range(1, 99), 2))
    return (
        f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {a}.{rng.randint(0, 9)}% to "
        f"{b}.{rng.randint(0, 9)}% in Q{rng.randint(1, 4)} {rng.choice(CLAUSES)}."
    )


def paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(sentence(rng) for _ in range(sentences))


def plan_frontmatter(rng: random.Random, kind: str, index: int, defects: set[str]) -> str:
    team = f"{rng.choice(TEAMS)} {index}"
    extra = rng.randint(2, 12)
    lines = [
        f"kind: {kind}",
        f"title: {team} {kind.upper()} 2027",
        f"team: {team}",
        "org: Commerce Engineering",
        "cycle: 2027",
        f"status: {rng.choice(['draft', 'review', 'approved'])}",
        "owners:",
        f"  - {rng.choice(PEOPLE)}",
        "reviewers:",
        f"  - {rng.choice(PEOPLE)}",
        'version: "1.2"',
        "date: 2026-09-18",
        f"charter: {team} owns the services that move money for 11 product teams.",
        "tenets:",
        '  - "Money is never lost or counted twice."',
        "partners:",
        "  - team: Checkout",
        "    reviewed: 2026-08-24",
        "  - team: Finance Systems",
        "    reviewed: 2026-08-27" if "partner" not in defects else "    reviewed: null",
        "results:",
        "  - goal: Raise the authorization rate from 91.5% to 93.0%.",
        '    target: "93.0%"',
        '    actual: "92.6%"',
        "    status: partial",
        "    why: Network tokens went live 3 months late." if "why" not in defects else "",
        "goals:",
    ]
    for number in range(1, rng.randint(4, 7)):
        lines += [
            f"  - id: G-{number}",
            "    tier: team",
            f"    statement: {sentence(rng)}",
            "    metric: Approved authorizations as a share of attempts",
            '    baseline: "92.6%"' if not (number == 1 and "goal" in defects) else "",
            '    target: "94.0%"',
            "    due: 2027-12-31",
            "    owners:",
            f"      - {rng.choice(PEOPLE)}",
        ]
    lines += [
        "tracks:",
        "  same_resources:",
        "    headcount: 40",
        "    budget: 3100000",
        "    initiatives:",
        "      - id: SR-1",
        "        name: Smart routing",
        "  more_investment:",
        f"    headcount: {40 + extra}",
        "    budget: 4300000",
        "    initiatives:",
        "      - id: MI-1",
        "        name: Instant payouts",
        "assumptions:",
    ]
    count = 2 if "assumptions" in defects else rng.randint(3, 5)
    lines += [f"  - {sentence(rng)}" for _ in range(count)]
    lines += [
        "asks:",
        "  - kind: headcount",
        f"    amount: {extra}",
        f"    what: {extra} engineers for instant payouts.",
        "    by: 2027-01-31" if "ask" not in defects else "    by: 2027-06-30",
        "    if_late: Each month of delay moves the launch by a month.",
        "risks:",
        "  - risk: Routing trips issuers' fraud rules.",
        "    likelihood: medium",
        "    impact: high",
        "    mitigation: Ramp by card range with a 5% holdout.",
        f"    owner: {rng.choice(PEOPLE)}" if "owner" not in defects else "",
    ]
    if kind == "op2":
        lines += [
            "op1: op1.md",
            "review_actions:",
            "  - action: Separate the gains.",
            f"    owner: {rng.choice(PEOPLE)}",
            "    status: done",
            "allocated:",
            f"  headcount: {extra}",
        ]
    return "\n".join(line for line in lines if line) + "\n"


def prfaq_frontmatter(rng: random.Random, index: int, defects: set[str]) -> str:
    answers = {
        key: paragraph(rng, 1) for key in ("who", "problem", "benefit", "evidence", "experience")
    }
    if "customer" in defects:
        answers["evidence"] = "TBD"
    return (
        "\n".join(
            [
                "kind: prfaq",
                f"title: Product {index} PR/FAQ",
                f"team: {rng.choice(TEAMS)}",
                "cycle: 2027",
                f"status: {rng.choice(['draft', 'review'])}",
                "owners:",
                f"  - {rng.choice(PEOPLE)}",
                "variant: full",
                f"product: Product {index}",
                "launch:",
                "  city: Seattle",
                "  date: 2027-09-14",
                "customer:",
                *(f"  {key}: {value}" for key, value in answers.items()),
            ]
        )
        + "\n"
    )


def body(rng: random.Random, sections: list[str], words: int, defects: set[str]) -> str:
    per_section = words // (len(sections) + 1)
    parts: list[str] = []
    for title in sections:
        if "section" in defects and title == sections[-2]:
            continue
        parts.append(f"# {title}\n")
        written = 0
        while written < per_section:
            text = paragraph(rng, rng.randint(3, 6))
            written += len(text.split())
            parts.append(text + "\n")
        if title == "Goals":
            parts.append("\n".join(f"- G-{n}: {sentence(rng)}" for n in range(1, 5)) + "\n")
    if "weasel" in defects:
        parts.insert(3, f"We will {rng.choice(WEASELS)} improve the rate.\n")
    if "link" in defects:
        parts.insert(4, "See the [dashboard](https://dash.example.com/rates) for details.\n")
    if "bullets" in defects:
        parts.insert(5, "- routing\n- tokens\n- retries\n")
    if "marker" in defects:
        parts.insert(6, "The budget for this is TBD and the owner is [name the owner].\n")
    parts.append("# Appendix\n")
    parts.append(
        "| Initiative | People | Budget |\n|---|---|---|\n"
        + "".join(f"| SR-{n} | {n + 3} | ${n * 100},000 |\n" for n in range(1, 8))
    )
    parts.append(paragraph(rng, 12) + "\n")
    return "\n".join(parts)


def prfaq_body(rng: random.Random, words: int, defects: set[str]) -> str:
    release = (
        "# Press release\n\n## Sellers Now Get Paid in Minutes\n\n"
        "### Instant Payouts sends a seller's balance to their debit card in 30 minutes\n\n"
        + ("" if "dateline" in defects else "SEATTLE, September 14, 2027 — ")
        + paragraph(rng, 4)
        + "\n\n"
        + f'"{paragraph(rng, 2)}" said Maya Castellanos.\n\n'
        + f"To get started, sellers open the Balance page. {paragraph(rng, 1)}\n"
    )
    faq: list[str] = []
    written = len(release.split())
    for title in ("External FAQ", "Internal FAQ"):
        faq.append(f"# {title}\n")
        for number in range(rng.randint(8, 12)):
            question = "How much does it cost" + (
                "" if "question" in defects and number == 0 else "?"
            )
            faq.append(f"### {question}\n\n{paragraph(rng, rng.randint(3, 5))}\n")
        written = len(release.split()) + sum(len(part.split()) for part in faq)
    while written < words:
        faq.append(paragraph(rng, 4) + "\n")
        written += 60
    return release + "\n" + "\n".join(faq) + "\n# Appendix\n\n" + paragraph(rng, 10) + "\n"


DEFECTS = [
    "section",
    "weasel",
    "link",
    "bullets",
    "marker",
    "partner",
    "why",
    "goal",
    "assumptions",
    "ask",
    "owner",
    "customer",
    "dateline",
    "question",
]


def generate(out: Path, per_kind: int, seed: int) -> int:
    rng = random.Random(seed)
    written = 0
    for index in range(per_kind):
        for kind in ("op1", "op2", "prfaq"):
            defects = set() if rng.random() < 0.35 else set(rng.sample(DEFECTS, rng.randint(1, 3)))
            words = rng.randint(2500, 3500)
            if kind == "prfaq":
                text = prfaq_frontmatter(rng, index, defects), prfaq_body(rng, words, defects)
            else:
                sections = (
                    PLAN_SECTIONS
                    if kind == "op1"
                    else [*PLAN_SECTIONS[:1], *OP2_EXTRA, *PLAN_SECTIONS[1:]]
                )
                text = (
                    plan_frontmatter(rng, kind, index, defects),
                    body(rng, sections, words, defects),
                )
            path = out / f"team-{index:04d}" / f"{kind}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"---\n{text[0]}---\n\n{text[1]}", encoding="utf-8")
            written += 1
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the corpus into")
    parser.add_argument("--per-kind", type=int, default=334, help="documents of each kind")
    parser.add_argument("--seed", type=int, default=2027, help="random seed")
    args = parser.parse_args()
    count = generate(args.out, args.per_kind, args.seed)
    print(f"wrote {count} documents to {args.out}")


if __name__ == "__main__":
    main()
