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

from opplan.sections import plan as plan_sections

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


PROSE = [
    "We chose this over {alt} because it pays back within {n} months.",
    "The work depends on {partner}, who agreed to it in their own plan.",
    "Most of the cost is engineering time; the rest is the processor's fee per transaction.",
    "We will know it worked when the weekly report shows the change for four weeks running.",
    "{partner} asked us to finish the migration before their freeze in Q{q}.",
    "The risk is that issuers read the retries as fraud, so we ramp by card range.",
    "Two engineers move from maintenance to this work in Q{q}, and on-call stays as it is.",
    "If the pilot misses its target, we stop at {n} sellers and write down why.",
    "Last year we tried the same thing with a vendor, and it cost twice what we planned.",
    "The old service keeps running until the last of the {n} flows has moved off it.",
    "Finance reconciles every day's settlement by hand today, which takes {n} hours.",
    "Sellers told us in {n} interviews that the wait for their money is the main complaint.",
    "We do not plan to build our own fraud model; {partner} owns that and has one.",
    "Each launch goes out behind a flag to {n}% of traffic first, then to everyone.",
    "This is the largest line in the budget, and it is the one we would cut last.",
]
ALTERNATIVES = ["a second vendor", "building it ourselves", "waiting a year", "a manual process"]


def sentence(rng: random.Random) -> str:
    """A sentence of a plan: a measured change, or plain prose about the work."""
    if rng.random() < 0.45:
        a, b = sorted(rng.sample(range(1, 99), 2))
        return (
            f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {a}.{rng.randint(0, 9)}% to "
            f"{b}.{rng.randint(0, 9)}% in Q{rng.randint(1, 4)} {rng.choice(CLAUSES)}."
        )
    return rng.choice(PROSE).format(
        alt=rng.choice(ALTERNATIVES),
        partner=rng.choice(TEAMS),
        n=rng.randint(2, 40),
        q=rng.randint(1, 4),
    )


def paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(sentence(rng) for _ in range(sentences))


def words(parts: list[str]) -> int:
    return sum(len(part.split()) for part in parts)


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


def body(rng: random.Random, sections: list[str], total: int, defects: set[str]) -> str:
    """A plan's body of about `total` words: prose sections, some with subsections, a list
    of goals, sometimes a table or a numbered list in the narrative, and an appendix."""
    appendix = plan_appendix(rng)
    share = 1.2 * (total - words(appendix)) / len(sections)
    parts: list[str] = []
    for title in sections:
        if "section" in defects and title == sections[-2]:
            continue
        parts.append(f"# {title}\n")
        budget = words(parts) + share * rng.uniform(0.6, 1.4)
        if title == "Goals":
            parts.append(
                "\n".join(f"- G-{n}: {paragraph(rng, rng.randint(1, 2))}" for n in range(1, 6))
                + "\n"
            )
        elif title == "Last year's results" and rng.random() < 0.4:
            parts.append(results_table(rng))
        elif title == "Key assumptions" and rng.random() < 0.5:
            parts.append(
                "\n".join(f"{n}. {sentence(rng)}" for n in range(1, rng.randint(4, 6))) + "\n"
            )
        if title.startswith("Plan with"):
            prefix = "SR" if "same" in title else "MI"
            for number in range(1, rng.randint(2, 4)):
                parts.append(f"## {prefix}-{number}: {rng.choice(INITIATIVES)}\n")
                parts.append(paragraph(rng, rng.randint(3, 6)) + "\n")
        while words(parts) < budget:
            parts.append(paragraph(rng, rng.randint(2, 7)) + "\n")
    parts = fitted(rng, parts, total - words(appendix))
    if "weasel" in defects:
        parts.insert(3, f"We will {rng.choice(WEASELS)} improve the rate.\n")
    if "link" in defects:
        parts.insert(4, "See the [dashboard](https://dash.example.com/rates) for details.\n")
    if "bullets" in defects:
        parts.insert(5, "- routing\n- tokens\n- retries\n")
    if "marker" in defects:
        parts.insert(6, "The budget for this is TBD and the owner is [name the owner].\n")
    return "\n".join(parts + appendix)


def fitted(rng: random.Random, parts: list[str], most: int) -> list[str]:
    """`parts` with paragraphs that follow another paragraph dropped, at random, until
    they hold at most `most` words (and nearly that many: paragraphs are added first)."""
    while words(parts) < most:
        parts.insert(rng.randrange(2, len(parts)), paragraph(rng, rng.randint(3, 6)) + "\n")
    prose = [
        index
        for index in range(1, len(parts))
        if parts[index][0].isupper() and parts[index - 1][0].isupper()
    ]
    rng.shuffle(prose)
    excess = words(parts) - most
    dropped = set()
    for index in prose:
        if excess <= 0:
            break
        dropped.add(index)
        excess -= len(parts[index].split())
    return [part for index, part in enumerate(parts) if index not in dropped]


INITIATIVES = [
    "Smart routing",
    "Network tokens",
    "Refund migration",
    "Daily reconciliation",
    "Instant payouts",
    "Pay by bank",
    "Retry policy",
]


def results_table(rng: random.Random) -> str:
    rows = "".join(
        f"| {rng.choice(SUBJECTS)} | {rng.randint(50, 99)}.0% | {rng.randint(50, 99)}.{n}% "
        f"| {rng.choice(['met', 'partial', 'missed'])} |\n"
        for n in range(rng.randint(3, 6))
    )
    return "| Goal | Target | Actual | Status |\n|---|---|---|---|\n" + rows


def plan_appendix(rng: random.Random) -> list[str]:
    parts = [
        "# Appendix\n",
        "## People and budget by initiative\n",
        "| Initiative | People | Budget |\n|---|---|---|\n"
        + "".join(f"| SR-{n} | {n + 3} | ${n * 100},000 |\n" for n in range(1, 8)),
        paragraph(rng, rng.randint(4, 10)) + "\n",
        "## FAQ\n",
    ]
    for _ in range(rng.randint(2, 5)):
        parts.append(f"### Why not {rng.choice(ALTERNATIVES)}?\n")
        parts.append(paragraph(rng, rng.randint(2, 4)) + "\n")
    return parts


def prfaq_body(rng: random.Random, total: int, defects: set[str]) -> str:
    """A PR/FAQ's body of about `total` words: a press release of a page, two FAQs whose
    answers are paragraphs (now and then a numbered list or a table), an appendix."""
    release = [
        "# Press release\n",
        "## Sellers Now Get Paid in Minutes\n",
        "### Instant Payouts sends a seller's balance to their debit card in 30 minutes\n",
        ("" if "dateline" in defects else "SEATTLE, September 14, 2027 — ")
        + paragraph(rng, rng.randint(3, 5))
        + "\n",
        paragraph(rng, rng.randint(2, 4)) + "\n",
        f'"{paragraph(rng, 2)}" said Maya Castellanos.\n',
        f"To get started, sellers open the Balance page. {paragraph(rng, 1)}\n",
    ]
    appendix = ["# Appendix\n", paragraph(rng, rng.randint(6, 12)) + "\n"]
    faq: list[str] = []
    questions = [(title, rng.randint(8, 12)) for title in ("External FAQ", "Internal FAQ")]
    answer = 1.2 * (total - words(release) - words(appendix)) / sum(n for _, n in questions)
    for title, count in questions:
        faq.append(f"# {title}\n")
        for number in range(count):
            question = f"{rng.choice(QUESTIONS)} {rng.choice(INITIATIVES).lower()}"
            question += "" if "question" in defects and number == 0 else "?"
            faq.append(f"### {question}\n")
            target = words(faq) + answer * rng.uniform(0.5, 1.5)
            if rng.random() < 0.1:
                faq.append("\n".join(f"{n}. {sentence(rng)}" for n in range(1, 4)) + "\n")
            while words(faq) < target:
                faq.append(paragraph(rng, rng.randint(1, 4)) + "\n")
    faq = fitted(rng, faq, total - words(release) - words(appendix))
    return "\n".join(release + faq + appendix)


QUESTIONS = ["How much does it cost to run", "Who can use", "What happens when we launch"]


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
            total = rng.randint(2600, 3500)  # trimming takes up to a paragraph more
            if kind == "prfaq":
                text = prfaq_frontmatter(rng, index, defects), prfaq_body(rng, total, defects)
            else:
                sections = list(plan_sections(kind))
                text = (
                    plan_frontmatter(rng, kind, index, defects),
                    body(rng, sections, total, defects),
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
