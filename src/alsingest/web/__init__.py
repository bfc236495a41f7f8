"""The review web app: a queue of claims with their evidence, decisions, a timeline."""

from .app import create_app, is_loopback, serve

__all__ = ["create_app", "is_loopback", "serve"]
