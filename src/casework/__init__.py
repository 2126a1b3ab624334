"""Casework: children's social care records, practice standards as code, quality assurance."""

__version__ = "0.1.0"
