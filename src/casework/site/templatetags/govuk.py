"""Template helpers for GOV.UK Design System markup."""

from __future__ import annotations

import datetime as dt

from django import forms, template

register = template.Library()


@register.filter
def widget_kind(field: forms.BoundField) -> str:
    """Which GOV.UK component renders this field."""
    widget = field.field.widget
    if widget.template_name == "widgets/date_input.html":
        return "date"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    return "text"


@register.filter
def long_date(day: dt.date | None) -> str:
    """'3 March 2024'."""
    if day is None:
        return ""
    return f"{day.day} {day:%B %Y}"


@register.filter
def short_date(day: dt.date | None) -> str:
    """'3 Mar 2024'."""
    if day is None:
        return ""
    return f"{day.day} {day:%b %Y}"
