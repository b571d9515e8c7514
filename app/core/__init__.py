"""Use cases and rules. Nothing below app/core imports Qt."""
