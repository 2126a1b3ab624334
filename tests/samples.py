"""Where the tests find the sample returns (../shared/external beside the repository, or
$CASEWORK_EXTERNAL).

A test that needs one is skipped where they are not present, as in a checkout on its
own, and fails in CI (CI=true), where they must be.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def samples_root() -> Path:
    root = os.environ.get("CASEWORK_EXTERNAL") or (
        Path(__file__).resolve().parents[1] / ".." / "shared" / "external"
    )
    return Path(root).resolve()


def sample_return(*parts: str) -> Path:
    """A sample return (or the folder of them), skipping or, in CI, failing the test when
    it is not there."""
    path = samples_root().joinpath(*parts)
    if not path.exists():
        message = f"{path} is not here (set CASEWORK_EXTERNAL to the sample returns)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path
