"""The six-monthly equality report: service use and timeliness by ethnic group, sex,
disability and age against the child population, small numbers suppressed."""

from __future__ import annotations

import datetime as dt

from casework.equality.data import monitoring
from casework.equality.groups import CHARACTERISTIC_TITLES
from casework.equality.presenters import add_to_document
from casework.reports.periods import Period
from casework.reports.render import Document

TITLE = "Equality report"
CHARACTERISTICS = ("ethnic_group", "sex", "disability", "age_band")


def equality_report(period: Period, today: dt.date) -> Document:
    doc = Document(TITLE, subtitle=period.title, produced=today)
    doc.paragraph(
        "Consistent ethnic monitoring shows which children use each part of the service, "
        "so that gaps in provision are found and services are reached equally (seed "
        "document 000, 2.1.8 and 2.1.9). No child is named; small numbers are hidden."
    )
    for characteristic in CHARACTERISTICS:
        doc.heading(f"By {CHARACTERISTIC_TITLES[characteristic].lower()}")
        add_to_document(doc, monitoring(period.start, period.end, characteristic))
    return doc
