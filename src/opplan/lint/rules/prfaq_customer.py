"""A PR/FAQ answers the five customer questions, in `customer` or in its text.

Who is the customer (`who`); what is their problem or opportunity, and how big
(`problem`); what is the most important benefit (`benefit`); how do we know
what they need (`evidence`); what does their experience look like
(`experience`). Each question in `questions` is answered by the frontmatter's
`customer` table when it has that key (with at least `min_words` words), and
otherwise by the narrative (the press release, the FAQs and any other section
before the appendix, such as "Five customer questions"): a heading that asks
it, or a sentence of at least `min_words` words with one of its cues:

- who: a heading asking "who"; a sentence naming customers, users,
  teams, sellers, riders, households and the like, "<people> who", "for
  the 1,400 <people>", or "for", "lets" or "helps" before a word for people
  ("for renters", "lets small landlords", "helps field scientists");
- problem: a heading about the problem; "today", "problem", "struggle",
  "wait", "hard to", "cannot", "manual", "frustrat", "pain", "spend";
- benefit: a heading about benefits or "why"; "now", "benefit", "save",
  "faster", "without", "lets", "helps", "so that", "instead of", "no longer",
  "automatically", "replaces", "free", "in ten minutes", "in a week";
- evidence: a heading asking how we know; "survey", "interview",
  "research", "study", "pilot", "trial", "beta", "feedback", "asked for",
  "our data", "support tickets", or a share of people ("38% of sellers");
- experience: a heading asking how it works or how to start; "to get
  started", "tap", "click", "open", "sign in", "choose", "select", "see", "the
  app", "walk through", "scan", "turn on", "log in", "upload", "pair", "point",
  "hold", "say", "type", "photo", or
  "With <product>, a <customer> <does>".

The press release's headings and bold lines count as sentences. An FAQ-only
PR/FAQ (`variant: faq-only`) answers them in its press release, which is not
in the document: it is not checked.

Options: `questions` (who, problem, benefit, evidence, experience),
`min_words` (5).

Passing (the frontmatter answers; a body that answers in prose passes too):

    customer:
      who: The 112,000 US sellers with 90 days of history.
      problem: A seller waits 5.5 days on average from a sale to cash.
      benefit: A seller gets their balance on their debit card in 30 minutes.
      evidence: A June 2026 survey of 2,400 sellers and 24 interviews.
      experience: The seller taps Pay out now and sees the fee before confirming.

Failing (no evidence in the frontmatter or the text, and a one-word benefit):

    customer:
      who: The 112,000 US sellers with 90 days of history.
      problem: A seller waits 5.5 days on average from a sale to cash.
      benefit: Speed.
      experience: The seller taps Pay out now and sees the fee before confirming.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from opplan.problem import Finding, Level
from opplan.section_match import unnumbered

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
_PEOPLE = (
    r"(?:customers|users|sellers|buyers|respondents|merchants|teams|developers|members|owners"
    r"|growers|riders|drivers|passengers|commuters|households|homeowners|patients|students"
    r"|employees|parents|shoppers|hikers|swimmers|givers|people|travell?ers|readers|crews"
    r"|engineers|operators|analysts|renters|tenants|residents|families|workers)\b"
)
_HEADINGS = {  # an FAQ heading that asks the question
    "who": r"^who\b|\bwho (?:is|are) (?:it|this|the)\b|\bcustomers?\b.*\?",
    "problem": r"\bproblem|\bpain\b|\bwhy (?:do|does|would) (?:customers|users|they)\b",
    "benefit": r"\bbenefit|\bwhy (?:should|would)|\bwhat do(?:es)? (?:i|they|customers) get\b",
    "evidence": r"\bhow do we know|\bevidence\b|\bresearch\b|\bwhat data\b",
    "experience": r"\bhow (?:does|do|will) (?:it|i|customers|users)|\bget started|\bexperience",
}
_CUES = {
    "who": rf"\b{_PEOPLE}|\b(?:customer|user|team|seller|buyer|developer|engineer|merchant)\b"
    r"|\bbusinesses\b|\bcompanies\b|\b\w+s who\b|\bfor (?:the |every |all )?[\d,]+ \w+"
    r"|\b(?:for|lets|helps|gives|tells|shows) (?:the |every |all |a |an )?(?:[\w,-]+ ){0,2}"
    r"\w+(?:ers|ists|ants|ents|ees|ors|ians)\b",
    "problem": r"\btoday\b|\bproblems?\b|\bstruggl|\bwaits?\b|\bhard to\b|\bcannot\b|\bcan't\b"
    r"|\bmanual|\bfrustrat|\bpain|\bspend\b|\bspends\b|\bslow\b",
    "benefit": r"\bnow\b|\bbenefits?\b|\bsaves?\b|\bfaster\b|\bwithout\b|\blets?\b|\bhelps?\b"
    r"|\bso that\b|\binstead of\b|\bno longer\b|\bautomatically\b|\breplaces?\b|\bfree\b"
    r"|\bin (?:\d+|a|an|one|two|three|five|ten|a few) (?:second|minute|hour|day|week)s?\b",
    "evidence": r"\bsurvey|\binterview|\bresearch|\bstud(?:y|ies)\b|\bpilot|\btrial|\bbeta\b"
    r"|\bfeedback|\basked for\b|\b(?:our|the) data\b|\bdata (?:shows?|from)\b"
    r"|\bsupport (?:tickets|contacts|cases)|\d+(?:\.\d+)?\s?%\s+of\s+(?:our\s+|the\s+)?"
    rf"(?:\w+\s+)?{_PEOPLE}",
    "experience": r"\bto get started\b|\btaps?\b|\bclicks?\b|\bopens?\b|\bsigns? in\b|\bchooses?\b"
    r"|\bselects?\b|\bsees?\b|\bthe app\b|\bwalks? through\b|\bscans?\b|\bturns? on\b|\blogs? in\b"
    r"|\buploads?\b|\bpairs?\b|\bpoints?\b|\bholds?\b|\bsays?\b|\btypes?\b|\bphotos?\b"
    r"|\bwith [\w'\u2019 -]+, (?:a|an|the|each|every) \w+ \w+s\b",
}
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def check(doc: Document, options: Options) -> Iterator[Finding]:
    if doc.meta.get("variant") == "faq-only":
        return
    customer = getattr(doc.model, "customer", None)
    least = int(options["min_words"])
    text: tuple[list[str], list[str]] | None = None  # read only if a question needs it
    for key in options["questions"]:
        answer = getattr(customer, key, None) or ""
        question = QUESTIONS.get(key, key)
        if answer.strip():
            if len(answer.split()) < least:
                line, column = doc.position_of("customer", key)
                yield Finding(
                    line,
                    column,
                    f"customer.{key} has {len(answer.split())} words; answer {question!r} "
                    f"in at least {least}",
                )
            continue
        text = text or _text(doc)
        if not _answered(key, *text, least):
            yield Finding(
                *_where(doc),
                f"customer.{key} is not answered ({question}); answer it in the frontmatter's "
                "'customer' table, or in the press release or FAQ (looked for a heading "
                f"that asks it and a sentence of {least} or more words about it)",
            )


def _text(doc: Document) -> tuple[list[str], list[str]]:
    """The headings and the sentences of the narrative (press release, FAQs, the rest)."""
    sections = doc.body.narrative
    title = doc.outline.title
    headings = [unnumbered(s.title) for s in sections if s.level and s is not title]
    sentences = headings + [
        sentence
        for section in sections
        for block in section.blocks
        if block.kind != "code"
        for sentence in _SENTENCE.split(block.text)
    ]
    return headings, sentences


def _answered(key: str, headings: list[str], sentences: list[str], least: int) -> bool:
    if key not in _CUES:
        return False
    asks = re.compile(_HEADINGS[key], re.IGNORECASE)
    if any(asks.search(heading) for heading in headings):
        return True
    cue = re.compile(_CUES[key], re.IGNORECASE)
    return any(cue.search(s) and len(s.split()) >= least for s in sentences)


def _where(doc: Document) -> tuple[int, int]:
    if "customer" in doc.meta:
        return doc.position_of("customer")
    return doc.body.first_heading_line, 1


def validate(options: Options) -> str | None:
    """Why the options cannot work, if they cannot."""
    unknown = [key for key in options["questions"] if key not in QUESTIONS]
    if unknown:
        return f"questions: unknown {unknown[0]!r}; use some of {', '.join(QUESTIONS)}"
    return None
