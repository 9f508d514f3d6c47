"""Certificates (issue 7)."""
