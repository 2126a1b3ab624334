"""The management information pages: tiles, an indicator's page, the children behind a
figure, compliance by standard, the weekly team report and what-if."""
