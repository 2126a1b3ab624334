"""The quality frameworks: the Climbié self-assessment, the case file audit tool and the
audit programme, as YAML validated on load into typed dataclasses.

One module per kind of file (`self_assessment`, `audit_template`, `audit_programme`), on
the shared checks of `reading`; `model` holds the dataclasses they build."""

from casework.quality.frameworks.audit_programme import (
    AUDIT_PROGRAMME,
    ROLES,
    load_audit_programme,
)
from casework.quality.frameworks.audit_template import (
    AUDIT_TEMPLATE,
    available_templates,
    load_audit_template,
)
from casework.quality.frameworks.model import (
    MONTHS,
    Analysis,
    AuditProgramme,
    AuditQuestion,
    AuditTemplate,
    AuditType,
    BelowStandard,
    Cadence,
    Criterion,
    EvidenceSource,
    FrameworkStandard,
    Grade,
    GradeScale,
    QuestionEvidence,
    RatingScale,
    Recommendation,
    Sample,
    ScalePoint,
    SelfAssessmentFramework,
    TimetableMonth,
)
from casework.quality.frameworks.reading import FRAMEWORKS_DIR, FrameworkError
from casework.quality.frameworks.self_assessment import SELF_ASSESSMENT, load_self_assessment

__all__ = [
    "AUDIT_PROGRAMME",
    "AUDIT_TEMPLATE",
    "FRAMEWORKS_DIR",
    "MONTHS",
    "ROLES",
    "SELF_ASSESSMENT",
    "Analysis",
    "AuditProgramme",
    "AuditQuestion",
    "AuditTemplate",
    "AuditType",
    "BelowStandard",
    "Cadence",
    "Criterion",
    "EvidenceSource",
    "FrameworkError",
    "FrameworkStandard",
    "Grade",
    "GradeScale",
    "QuestionEvidence",
    "RatingScale",
    "Recommendation",
    "Sample",
    "ScalePoint",
    "SelfAssessmentFramework",
    "TimetableMonth",
    "available_templates",
    "load_audit_programme",
    "load_audit_template",
    "load_self_assessment",
]
