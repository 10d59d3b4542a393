"""A PR/FAQ answers the five customer questions in `customer`.

Who is the customer (`who`); what is their problem or opportunity, and how big
(`problem`); what is the most important benefit (`benefit`); how do we know
what they need (`evidence`); what does their experience look like
(`experience`). Each answer in `questions` must be there, with at least
`min_words` words.

Options: `questions` (who, problem, benefit, evidence, experience),
`min_words` (5).

Passing:

    customer:
      who: The 112,000 US sellers with 90 days of history.
      problem: A seller waits 5.5 days on average from a sale to cash.
      benefit: A seller gets their balance on their debit card in 30 minutes.
      evidence: A June 2026 survey of 2,400 sellers and 24 interviews.
      experience: The seller taps Pay out now and sees the fee before confirming.

Failing (no evidence, and a one-word benefit):

    customer:
      who: The 112,000 US sellers with 90 days of history.
      problem: A seller waits 5.5 days on average from a sale to cash.
      benefit: Speed.
      experience: The seller taps Pay out now and sees the fee before confirming.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from opplan.problem import Finding, Level

if TYPE_CHECKING:
    from opplan.document import Document
    from opplan.lint.rule import Options

ID = "prfaq-customer"
LEVEL: Level = "error"
KINDS: tuple[str, ...] = ("prfaq",)
DEFAULT: dict[str, Any] = {
    "questions": ["who", "problem", "benefit", "evidence", "experience"],
    "min_words": 5,
}
NEEDS_MODEL = True

QUESTIONS = {
    "who": "who is the customer?",
    "problem": "what is their problem or opportunity, and how big is it?",
    "benefit": "what is the most important benefit?",
    "evidence": "how do we know what they need?",
    "experience": "what does their experience look like?",
}


def check(doc: Document, options: Options) -> Iterator[Finding]:
    customer = getattr(doc.model, "customer", None)
    least = int(options["min_words"])
    for key in options["questions"]:
        answer = getattr(customer, key, None) or ""
        question = QUESTIONS.get(key, key)
        line, column = doc.position_of("customer", key)
        if not answer.strip():
            yield Finding(line, column, f"customer.{key} is not answered ({question})")
        elif len(answer.split()) < least:
            yield Finding(
                line,
                column,
                f"customer.{key} has {len(answer.split())} words; answer {question!r} "
                f"in at least {least}",
            )


def validate(options: Options) -> str | None:
    """Why the options cannot work, if they cannot."""
    unknown = [key for key in options["questions"] if key not in QUESTIONS]
    if unknown:
        return f"questions: unknown {unknown[0]!r}; use some of {', '.join(QUESTIONS)}"
    return None
