"""Every change to a record goes through one of these functions. Each takes the acting
user, writes its audit row in the same transaction as the change, and re-evaluates the
person's obligations there too."""

from casework.records.actions.chronology import add_chronology_entry
from casework.records.actions.events import correct_event, record_event, withdraw_event

__all__ = ["add_chronology_entry", "correct_event", "record_event", "withdraw_event"]
