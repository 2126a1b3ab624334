"""The audit programme, samples, case file audits and their remedial actions."""

from casework.quality.models.audit import (
    ActionStatus,
    Answer,
    AuditStatus,
    CaseAudit,
    RemedialAction,
)
from casework.quality.models.programme import (
    AuditKind,
    CadenceChoice,
    ScheduledAudit,
    ScheduleStatus,
)
from casework.quality.models.sample import Sample, SampleCase, SampleMethod

__all__ = [
    "ActionStatus",
    "Answer",
    "AuditKind",
    "AuditStatus",
    "CadenceChoice",
    "CaseAudit",
    "RemedialAction",
    "Sample",
    "SampleCase",
    "SampleMethod",
    "ScheduleStatus",
    "ScheduledAudit",
]
