"""Subcommands of `python -m app`; each module registers its parsers and calls app/core."""
