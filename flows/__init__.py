"""Prefect flows that compose alsingest's library functions. Remove the decorators and the code still works."""
