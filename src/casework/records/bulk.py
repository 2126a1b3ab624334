"""Plain multi-row INSERT and UPDATE statements, for loading and re-evaluating a whole
council: far faster than building hundreds of thousands of model instances."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from django.db import connection, models

Row = tuple[Any, ...]
BATCH = 10_000


def _adapters() -> dict[str, Callable[[Any], Any]]:
    ops = connection.ops
    return {
        "date": ops.adapt_datefield_value,
        "datetime": ops.adapt_datetimefield_value,
        "time": ops.adapt_timefield_value,
        "json": lambda value: ops.adapt_json_value(value, None),
    }


def _types(model: type[models.Model], columns: Sequence[str]) -> list[str]:
    kinds = {
        models.DateTimeField: "datetime",
        models.DateField: "date",
        models.TimeField: "time",
        models.JSONField: "json",
    }
    found = []
    for column in columns:
        field = model._meta.get_field(column.removesuffix("_id"))
        found.append(next((k for cls, k in kinds.items() if isinstance(field, cls)), ""))
    return found


def execute_many(sql: str, rows: Sequence[Row], types: Sequence[str]) -> None:
    """executemany in batches, each value adapted as the database backend expects."""
    adapters = _adapters()
    convert = [adapters.get(t) for t in types]
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            batch = [
                tuple(
                    c(v) if c is not None and v is not None else v
                    for c, v in zip(convert, row, strict=True)
                )
                for row in rows[start : start + BATCH]
            ]
            cursor.executemany(sql, batch)


def insert(model: type[models.Model], columns: Sequence[str], rows: Sequence[Row]) -> None:
    qn = connection.ops.quote_name
    sql = (
        f"INSERT INTO {qn(model._meta.db_table)} ({', '.join(qn(c) for c in columns)}) "
        f"VALUES ({', '.join(['%s'] * len(columns))})"
    )
    execute_many(sql, rows, _types(model, columns))


def update_by_id(model: type[models.Model], columns: Sequence[str], rows: Sequence[Row]) -> None:
    """Each row is the new values of `columns`, then the id of the row to update."""
    qn = connection.ops.quote_name
    sets = ", ".join(f"{qn(c)} = %s" for c in columns)
    sql = f"UPDATE {qn(model._meta.db_table)} SET {sets} WHERE {qn('id')} = %s"
    execute_many(sql, rows, [*_types(model, columns), ""])
