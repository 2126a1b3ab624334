"""The front door's pages: the duty dashboard, taking a contact, and its steps."""
