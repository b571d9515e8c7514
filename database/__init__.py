"""The workspace's schema, store and migrations (no Qt here)."""
