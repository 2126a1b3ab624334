"""The self-assessment framework the app uses (quality/frameworks/climbie-2003.yaml)."""

from __future__ import annotations

from functools import cache

from casework.quality.frameworks import SelfAssessmentFramework, load_self_assessment


@cache
def framework() -> SelfAssessmentFramework:
    return load_self_assessment()
