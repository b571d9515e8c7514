"""The action list."""
