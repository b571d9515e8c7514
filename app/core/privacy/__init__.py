"""Privacy findings in the workspace and their redaction."""
