"""Statutory returns imported into the database, and exported from it.

A small Django app of its own (label `imports`): `models` records where each imported
event came from; `load.import_return` imports a return; `annex_a.export_annex_a` writes
Annex A's eleven lists, `cin_census.export_cin_census` the CIN census and
`ssda903.export_ssda903` the SSDA903 files, each from the events `facts` reads. Import
those modules after Django is set up.
"""
