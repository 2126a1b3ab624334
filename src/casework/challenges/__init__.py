"""Practice challenges."""
