"""The reports: each builds a `Document` for a period from the database.

`REPORTS` names them, with their usual frequency and who may download them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from casework.accounts.roles import Ability
from casework.reports.content.board import board_pack
from casework.reports.content.councillors import councillors_report
from casework.reports.content.equality import equality_report
from casework.reports.content.iro import iro_report
from casework.reports.content.lado import lado_report
from casework.reports.kinds import ReportKind
from casework.reports.periods import Frequency, Period
from casework.reports.render import Document


@dataclass(frozen=True)
class ReportSpec:
    kind: ReportKind
    summary: str
    frequency: Frequency
    ability: Ability
    build: Callable[[Period, dt.date], Document]

    @property
    def title(self) -> str:
        return str(self.kind.label)


REPORTS: dict[str, ReportSpec] = {
    spec.kind.value: spec
    for spec in (
        ReportSpec(
            ReportKind.COUNCILLORS,
            "Unallocated cases (number, nature and reasons), shortfalls against the "
            "standards and the key figures for a month.",
            Frequency.MONTHLY,
            Ability.SEE_FIGURES,
            councillors_report,
        ),
        ReportSpec(
            ReportKind.BOARD,
            "Key figures by month, assessment timeliness over the year, compliance with "
            "every standard and team workloads.",
            Frequency.QUARTERLY,
            Ability.SEE_MANAGEMENT_INFORMATION,
            board_pack,
        ),
        ReportSpec(
            ReportKind.EQUALITY,
            "Service use and timeliness by ethnic group, sex, disability and age, against "
            "the child population.",
            Frequency.SIX_MONTHLY,
            Ability.SEE_MANAGEMENT_INFORMATION,
            equality_report,
        ),
        ReportSpec(
            ReportKind.IRO,
            "Children in care reviews: how many, how timely, how children took part.",
            Frequency.ANNUAL,
            Ability.SEE_MANAGEMENT_INFORMATION,
            iro_report,
        ),
        ReportSpec(
            ReportKind.LADO,
            "Allegations against adults who work with children: numbers, outcomes and "
            "how quickly they were resolved.",
            Frequency.ANNUAL,
            Ability.SEE_MANAGEMENT_INFORMATION,
            lado_report,
        ),
    )
}
