"""The plan's course: stappenplan timeline, revisions and evaluation."""
