"""SMART goals and their progress."""
