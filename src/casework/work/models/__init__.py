from casework.work.models.feed import CalendarFeed
from casework.work.models.reminder import Reminder, ReminderKind, ReminderState

__all__ = ["CalendarFeed", "Reminder", "ReminderKind", "ReminderState"]
