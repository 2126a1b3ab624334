"""Statutory returns imported into the database, and Annex A exported from it.

A small Django app of its own (label `imports`): `models` records where each imported
event came from; `load.import_return` imports a return; `annex_a.export_annex_a` writes
the eleven lists. Import those modules after Django is set up.
"""
