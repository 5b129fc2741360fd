"""Shared helpers for tests (file generators for docx/pdf/html inputs)."""
