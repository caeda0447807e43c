"""The web site and JSON API: ``create_app(settings)`` makes the FastAPI app."""

from skillsx.web.app import create_app

__all__ = ["create_app"]
