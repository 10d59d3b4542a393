from __future__ import annotations

import pytest
from pydantic import ValidationError

from opplan import schemas
from opplan.schemas.op1 import Ask, Op1
from opplan.schemas.op2 import Op2
from opplan.schemas.prfaq import PrFaq

COMMON = {
    "title": "T",
    "team": "Payments",
    "cycle": 2027,
    "status": "draft",
    "owners": ["Dana"],
}
TRACKS = {"same_resources": {"headcount": 40}, "more_investment": {"headcount": 46}}


def test_registry_maps_kinds_to_models() -> None:
    assert schemas.get("op1") is Op1
    assert schemas.get("op2") is Op2
    assert schemas.get("prfaq") is PrFaq
    with pytest.raises(schemas.UnknownKind, match="did you mean 'prfaq'"):
        schemas.get("pr-faq")


def test_op1_defaults_lists_to_empty_so_counts_are_left_to_lint() -> None:
    plan = Op1.model_validate({"kind": "op1", **COMMON, "tracks": TRACKS})
    assert (plan.assumptions, plan.asks, plan.risks, plan.goals) == ([], [], [], [])
    assert plan.currency == "USD"


def test_op2_has_everything_op1_has_plus_its_own_keys() -> None:
    assert set(Op1.model_fields) < set(Op2.model_fields)
    assert set(Op2.model_fields) - set(Op1.model_fields) == {
        "op1",
        "review_actions",
        "allocated",
        "top_down",
    }
    plan = Op2.model_validate(
        {
            "kind": "op2",
            **COMMON,
            "op1": "op1.md",
            "tracks": {
                "same_resources": {
                    "headcount": 40,
                    "initiatives": [{"id": "SR-1", "name": "Ledger"}],
                },
                "more_investment": {"headcount": 46},
            },
        }
    )
    assert plan.tracks.same_resources.initiatives[0].status == "planned"


def test_op2_initiative_status_is_checked() -> None:
    with pytest.raises(ValidationError, match="initiatives"):
        Op2.model_validate(
            {
                "kind": "op2",
                **COMMON,
                "op1": "op1.md",
                "tracks": {
                    "same_resources": {
                        "headcount": 1,
                        "initiatives": [{"id": "SR-1", "name": "Ledger", "status": "late"}],
                    },
                    "more_investment": {"headcount": 1},
                },
            }
        )


@pytest.mark.parametrize(
    ("ask", "valid"),
    [
        ({"kind": "headcount", "amount": 6, "what": "Six engineers"}, True),
        ({"kind": "budget", "what": "Fraud vendor"}, False),
        ({"kind": "decision", "what": "Sunset the v1 API"}, True),
    ],
)
def test_resource_asks_need_an_amount_decisions_do_not(ask: dict[str, object], valid: bool) -> None:
    if valid:
        assert Ask.model_validate(ask).kind == ask["kind"]
    else:
        with pytest.raises(ValidationError, match="needs an 'amount'"):
            Ask.model_validate(ask)


def test_prfaq_variants_and_customer_questions() -> None:
    doc = PrFaq.model_validate({"kind": "prfaq", **COMMON})
    assert doc.variant == "full"
    assert set(type(doc.customer).model_fields) == {
        "who",
        "problem",
        "benefit",
        "evidence",
        "experience",
    }
    with pytest.raises(ValidationError, match="variant"):
        PrFaq.model_validate({"kind": "prfaq", **COMMON, "variant": "faq"})
