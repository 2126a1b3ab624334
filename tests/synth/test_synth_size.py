"""Sizes and speed: the engine benchmark needs 10,000 children and 250,000+ events."""

from __future__ import annotations

from collections import Counter

from casework.synth import Council, generate


def test_ten_thousand_children_over_three_years_give_at_least_250000_events(
    large_council: Council,
) -> None:
    assert len(large_council.children) == 10_000
    assert (large_council.end - large_council.start).days + 1 == round(3 * 365.25)
    assert len(large_council.events) >= 250_000


def test_the_number_of_children_is_exact_and_each_has_one_birth_event(council: Council) -> None:
    assert len(council.children) == 2000
    assert len({c.id for c in council.children}) == 2000
    births = Counter(e.child_id for e in council.events if e.event == "birth")
    assert set(births) == {c.id for c in council.children}
    assert set(births.values()) == {1}


def test_child_ids_are_case_numbers_in_order_of_first_contact(council: Council) -> None:
    ids = [c.id for c in council.children]
    assert ids[0] == "C000001"
    assert ids == sorted(ids)
    first_contact: dict[str, object] = {}
    for event in council.events:
        if event.event == "contact":
            first_contact.setdefault(event.child_id, event.occurred)
    ordered = [first_contact[i] for i in ids if i in first_contact]
    assert ordered == sorted(ordered)  # type: ignore[type-var]


def test_paperwork_adds_the_forms_minutes_and_sign_offs() -> None:
    plain = generate(500, seed=5)
    full = generate(500, seed=5, paperwork=True)
    assert len(full.events) > len(plain.events) * 1.2
    kinds = {e.event for e in full.events} - {e.event for e in plain.events}
    assert {"core_group_minutes", "cin_review_record_sent", "danger_statement"} <= kinds
