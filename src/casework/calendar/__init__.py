"""Working days and bank holidays for the UK nations (pure Python and NumPy)."""

from casework.calendar.working_days import (
    REGIONS,
    WorkingCalendar,
    calendar_for,
)

__all__ = ["REGIONS", "WorkingCalendar", "calendar_for"]
