"""Chart builders: each returns a matplotlib Figure (no pyplot), ready for the Qt canvas."""
