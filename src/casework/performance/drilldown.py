"""The children behind a stored figure, as the refresh counted them: read from the two rows
it stored for the purpose (the figure's children and everyone's groups), never from the
records, so the page is as quick for a large council as for a small one. The views filter
the list by who may see."""

from __future__ import annotations

import numpy as np

from casework.insight.series import BAND_SLOTS
from casework.performance.models import ChildGroups, FigureChildren, IndicatorFigure


def children_behind(row: IndicatorFigure, cut: str = "", group: str = "") -> list[int] | None:
    """The people (ids) in the figure's numerator, overall or in one group of a cut; None
    if the cut or group is not one of the figure's."""
    if cut and group not in row.cuts.get(cut, {}):
        return None
    stored = (
        FigureChildren.objects.filter(
            indicator=row.indicator, period_kind=row.period_kind, period_key=row.period_key
        )
        .values_list("members", flat=True)
        .first()
    )
    groups = ChildGroups.objects.first()
    if stored is None or groups is None:
        return []
    codes = np.frombuffer(bytes(stored), dtype="<i4").astype(np.int64)
    child = codes // BAND_SLOTS
    if cut:
        order = [name for name, _ in groups.labels]
        labels = {name: list(names) for name, names in groups.labels}
        if cut not in labels or group not in labels[cut]:
            return []
        code = labels[cut].index(group)
        if cut == "age_band":
            child = child[codes % BAND_SLOTS == code]
        else:
            table = np.frombuffer(bytes(groups.groups), dtype="<i4")
            table = table.reshape(-1, len(order) - 1)  # every cut but the age band
            child = child[table[child, order.index(cut)] == code]
    people = np.frombuffer(bytes(groups.people), dtype="<i8")
    return [int(p) for p in people[np.unique(child)].tolist()]
