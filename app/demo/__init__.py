"""Demo workspaces: illustrative plans built through the same services as real ones."""
