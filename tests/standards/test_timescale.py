"""Reading timescales as practice standards write them."""

from __future__ import annotations

import pytest

from casework.standards import Timescale, TimescaleError, Unit


@pytest.mark.parametrize(
    ("text", "amount", "unit"),
    [
        ("10 working days", 10, Unit.WORKING_DAYS),
        ("1 working day", 1, Unit.WORKING_DAYS),
        ("5 days", 5, Unit.DAYS),
        ("1 day", 1, Unit.DAYS),
        ("6 weeks", 6, Unit.WEEKS),
        ("1 month", 1, Unit.MONTHS),
        ("3 months", 3, Unit.MONTHS),
        ("48 hours", 48, Unit.HOURS),
        ("24 hours", 24, Unit.HOURS),
        # Number words, one to twelve as the packs use them, in any case.
        ("two weeks", 2, Unit.WEEKS),
        ("Ten working days", 10, Unit.WORKING_DAYS),
        ("six months", 6, Unit.MONTHS),
        ("twelve months", 12, Unit.MONTHS),
        ("one day", 1, Unit.DAYS),
        # Case and spacing do not matter.
        ("  15  Working   Days ", 15, Unit.WORKING_DAYS),
        ("3 MONTHS", 3, Unit.MONTHS),
    ],
)
def test_a_timescale_is_read_as_a_number_and_a_unit(text: str, amount: int, unit: Unit) -> None:
    timescale = Timescale.parse(text)
    assert (timescale.amount, timescale.unit) == (amount, unit)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("3 months (91 days)", 91),
        ("6 months (183 days)", 183),
        ("three months (91 days)", 91),
        ("3 months(91 days)", 91),
        ("1 month ( 28 days )", 28),
    ],
)
def test_the_days_in_brackets_win(text: str, days: int) -> None:
    assert Timescale.parse(text) == Timescale(days, Unit.DAYS, " ".join(text.split()))


def test_a_timescale_keeps_the_words_the_pack_used() -> None:
    timescale = Timescale.parse("  3 months   (91 days) ")
    assert timescale.text == "3 months (91 days)"
    assert str(timescale) == "3 months (91 days)"
    assert Timescale(1, Unit.WORKING_DAYS).describe() == "1 working day"
    assert str(Timescale(2, Unit.WEEKS)) == "2 weeks"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "10 fortnights",
        "ten",
        "working days",
        "about 3 weeks",
        "eleven days",
        "3.5 days",
        "10 working days or so",
        "3 months 91 days",
    ],
)
def test_a_timescale_that_cannot_be_read_is_refused_with_an_example(text: str) -> None:
    with pytest.raises(TimescaleError) as raised:
        Timescale.parse(text)
    message = str(raised.value)
    assert message.startswith(f"cannot read timescale {text!r}: expected a number and a unit")
    assert "'10 working days'" in message
    assert "'3 months (91 days)'" in message


def test_the_part_in_brackets_must_be_in_days() -> None:
    with pytest.raises(TimescaleError, match=r"the part in brackets must be in days"):
        Timescale.parse("3 months (13 weeks)")


def test_a_timescale_error_is_a_value_error() -> None:
    assert issubclass(TimescaleError, ValueError)
