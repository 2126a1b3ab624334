"""Self-assessment and action plans."""
