"""Reading single values: dates, codes, spaces, yes/no, sex, ethnicity, postcodes, formulas."""

from __future__ import annotations

import datetime as dt

import pytest

from casework.interchange import Why, codes
from casework.interchange.formulas import resolve
from casework.interchange.tables import RawTable, column_key
from casework.interchange.values import (
    Unreadable,
    clean,
    code,
    to_date,
    to_ethnicity,
    to_sex,
    to_yes_no,
)


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    """A date and time as a spreadsheet holds it: no time zone."""
    return dt.datetime.combine(dt.date(year, month, day), dt.time(hour, minute))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-06-30", dt.date(2024, 6, 30)),
        ("2024-06-30T09:15:00", dt.date(2024, 6, 30)),
        ("2024-06-30 00:00:00", dt.date(2024, 6, 30)),
        ("30/06/2024", dt.date(2024, 6, 30)),
        ("3/6/2024", dt.date(2024, 6, 3)),
        ("30-06-2024", dt.date(2024, 6, 30)),
        ("30.06.2024", dt.date(2024, 6, 30)),
        ("\u00a030/06/2024 ", dt.date(2024, 6, 30)),
        ("20240630", dt.date(2024, 6, 30)),
        ("30 Jun 2024", dt.date(2024, 6, 30)),
        ("45473", dt.date(2024, 6, 30)),
        (45473, dt.date(2024, 6, 30)),
        (45473.75, dt.date(2024, 6, 30)),
        (at(2024, 6, 30, 14, 5), dt.date(2024, 6, 30)),
        (dt.date(2024, 6, 30), dt.date(2024, 6, 30)),
        (61, dt.date(1900, 3, 1)),
        ("", None),
        (None, None),
        ("NULL", None),
    ],
)
def test_dates_in_every_usual_form(value: object, expected: dt.date | None) -> None:
    assert to_date(value) == expected


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("31/02/2024", Why.NOT_A_DATE),
        ("yesterday", Why.NOT_A_DATE),
        ("30/06/24", Why.TWO_DIGIT_YEAR),
        ("zz/06/2024", Why.PARTIAL_DATE),
        ("1066-04-13", Why.DATE_OUT_OF_RANGE),
        ("31/12/2199", Why.DATE_OUT_OF_RANGE),
        (99999999, Why.DATE_OUT_OF_RANGE),
        (-5, Why.DATE_OUT_OF_RANGE),
        ("#N/A", Why.EXCEL_ERROR),
        (True, Why.NOT_A_DATE),
    ],
)
def test_dates_that_cannot_be_read_say_why(value: object, why: str) -> None:
    with pytest.raises(Unreadable) as caught:
        to_date(value)
    assert str(caught.value) == why


def test_text_is_cleaned_of_odd_spaces_and_numbers_of_their_point_zero() -> None:
    assert clean("  Dustin\u00a0\u00a0Hazlett\u200b ") == "Dustin Hazlett"
    assert clean(9212044.0) == "9212044"
    assert clean(1.5) == "1.5"
    assert clean(float("nan")) == ""
    assert clean(None) == ""
    assert clean(at(2024, 1, 2)) == "2024-01-02"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a) WBRI", "WBRI"),
        ("k) E47: Special Guardianship Orders - relative/friend", "E47"),
        ("N1 - Abuse or Neglect", "N1"),
        ("q) 6: Police", "6"),
        ("zz) T4: Temporary placement", "T4"),
        ("p1) 5D: LA services", "5D"),
        ("Y: Other accommodation", "Y"),
        ("pr1", "PR1"),
        ("Physical abuse", "Physical abuse"),
        ("b) Former relevant child", "Former relevant child"),
    ],
)
def test_codes_lose_their_list_prefix_and_description(text: str, expected: str) -> None:
    assert code(text) == expected


def test_sex_from_every_return() -> None:
    assert [to_sex(t) for t in ("1", "2", "0", "9", "M", "f", "U")] == list("MFUUMFU")
    assert [to_sex(t) for t in ("a) Male", "b) Female", "c) Not stated/recorded")] == list("MFU")
    assert to_sex("d) Neither") == "I"
    assert to_sex("") == ""
    with pytest.raises(Unreadable):
        to_sex("7")


def test_ethnicity_from_codes_and_names() -> None:
    assert to_ethnicity("a) WBRI") == "WBRI"
    assert to_ethnicity("White British") == "WBRI"
    assert to_ethnicity("s) NOBT") == "NOBT"
    with pytest.raises(Unreadable):
        to_ethnicity("Martian")


def test_yes_no_answers() -> None:
    assert [to_yes_no(t) for t in ("a) Yes", "b) No", "Y", "n", "1", "0", "true")] == [
        "yes",
        "no",
        "yes",
        "no",
        "yes",
        "no",
        "yes",
    ]
    assert to_yes_no("c) Unknown") == ""
    with pytest.raises(Unreadable):
        to_yes_no("perhaps")


def test_postcodes_and_categories_of_abuse() -> None:
    assert codes.postcode("ab12cd") == "AB1 2CD"
    assert codes.postcode("sw1a 1aa") == "SW1A 1AA"
    with pytest.raises(Unreadable):
        codes.postcode("nope")
    assert codes.abuse_category("PHY") == "physical"
    assert codes.abuse_category("d) Emotional abuse") == "emotional"
    assert codes.abuse_category("Multiple/not recommended") == "multiple"


def test_column_names_match_whatever_their_case_spacing_and_punctuation() -> None:
    names = [
        "Date of Birth ",
        "date_of_birth",
        "DateOfBirth",
        "DATE OF BIRTH",
        "Date\u00a0of Birth",
    ]
    assert {column_key(n) for n in names} == {"dateofbirth"}
    assert column_key("Was the UASC (Y/N)?") == column_key("was the uasc")


def test_simple_formulas_are_worked_out_and_others_left() -> None:
    table = RawTable(
        "book.xlsx",
        "List 10",
        [
            (1, ["start", "plus five", "chain", "days", "other", "fixed", "bad"]),
            (
                2,
                [
                    at(2009, 8, 6),
                    "=A2+5",
                    "=$B$2+5",
                    "=C2-A2",
                    "=VLOOKUP(A2,X:Y,2)",
                    "=DATE(2020,1,31)+1",
                    "=Z99+1",
                ],
            ),
        ],
    )
    pending = resolve(table)
    row = table.rows[1][1]
    assert row[1] == at(2009, 8, 11)
    assert row[2] == at(2009, 8, 16)
    assert row[3] == 10
    assert row[5] == at(2020, 2, 1)
    assert pending == [(2, 4), (2, 6)]
    assert row[4] == "=VLOOKUP(A2,X:Y,2)"


def test_a_number_too_big_for_a_float_is_not_taken_for_a_blank_cell() -> None:
    # Excel writes 1.797693134862316e+308, which reads back as infinity: the row must
    # still reach the error report rather than vanish as empty.
    from casework.interchange.values import clean, is_blank

    assert not is_blank(clean(float("1.797693134862316e+308")))
