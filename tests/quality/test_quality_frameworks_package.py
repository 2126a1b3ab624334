"""The frameworks package stays plain Python, and its public names stay where other apps
import them from."""

from __future__ import annotations

import subprocess
import sys

import casework.quality.frameworks as frameworks

PUBLIC = {
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
}


def test_every_public_name_is_importable_from_the_package() -> None:
    assert set(frameworks.__all__) == PUBLIC
    for name in PUBLIC:
        assert getattr(frameworks, name) is not None


def test_the_bundled_files_sit_beside_the_loaders() -> None:
    assert frameworks.SELF_ASSESSMENT.parent == frameworks.FRAMEWORKS_DIR
    assert frameworks.AUDIT_TEMPLATE.parent == frameworks.FRAMEWORKS_DIR
    assert frameworks.AUDIT_PROGRAMME.parent == frameworks.FRAMEWORKS_DIR
    assert frameworks.available_templates() == ["case-file-audit"]


def test_loading_every_framework_imports_no_django() -> None:
    script = (
        "import sys\n"
        "from casework.quality.frameworks import (load_audit_programme,"
        " load_audit_template, load_self_assessment)\n"
        "load_self_assessment(); load_audit_template(); load_audit_programme()\n"
        "print(sorted(m for m in sys.modules if m == 'django' or m.startswith('django.')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
