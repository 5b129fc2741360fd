"""Headless subcommands, one module each (see viewer/cli.py)."""
