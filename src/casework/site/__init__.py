"""The Django project: settings, URLs, WSGI/ASGI and the manage.py entry point."""
