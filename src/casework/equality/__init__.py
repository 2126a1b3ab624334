"""Equality monitoring."""
