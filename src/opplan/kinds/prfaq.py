"""The PR/FAQ: a press release and FAQ for a new product, in three variants."""

from __future__ import annotations

from opplan.kinds.kind import Kind

PRESS_RELEASE = "Press release"
FAQS = ("External FAQ", "Internal FAQ")

KIND = Kind(
    name="prfaq",
    label="PR/FAQ",
    summary="a press release and FAQ for a new product",
    model_path="opplan.schemas.prfaq.PrFaq",
    sections=(PRESS_RELEASE, *FAQS),
    variants={"full": (PRESS_RELEASE, *FAQS), "pr-only": (PRESS_RELEASE,), "faq-only": FAQS},
    new_template="new/prfaq-{variant}.md.j2",
    new_path="plans/{cycle}/{team}/prfaq-{title}.md",
    render_template="render/prfaq.md.j2",
    tables=("customer",),
    adoptable=True,
    title_words=("pr faq", "prfaq", "press release", "faq"),
)
