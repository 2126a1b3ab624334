"""Charts drawn on the server as accessible SVG, readable on a page and in a PDF.

Plain Python, no Django, no JavaScript. Each function returns a `Chart`: `chart.svg` is an
<svg role="img"> with a <title> and <desc> it is labelled by, and `chart.table` the same
figures as a `DataTable` (caption, headers, rows) to place beside it (`table_html` draws it
as a GOV.UK table). Values are fractions (0 to 1) with `percent=True`, counts otherwise;
None means no data. The same input always gives the same SVG.

    from casework.charts import Series, line_chart
    chart = line_chart("Assessments in 45 working days",
                       [Series.of("This council", [("Apr 2026", 0.81), ("May 2026", 0.84)])],
                       percent=True, reference=("England 2024", 0.82))
    pdf.image(io.BytesIO(chart.svg_bytes()), w=160)   # fpdf2

See docs/charts.md.
"""

from casework.charts.draw import (
    bar_chart,
    grouped_bar_chart,
    line_chart,
    sparkline,
    table_html,
    trend,
)
from casework.charts.model import Chart, DataTable, Point, Series, format_value

__all__ = [
    "Chart",
    "DataTable",
    "Point",
    "Series",
    "bar_chart",
    "format_value",
    "grouped_bar_chart",
    "line_chart",
    "sparkline",
    "table_html",
    "trend",
]
