"""Settings for the whole suite."""

from __future__ import annotations

import os

from hypothesis import settings

# In CI the property tests draw the same examples every run, so a red build always means a
# change broke something; run locally they draw new examples each time, to keep finding
# new cases.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
