"""Package export, import, merge, feedback and restore dialogs."""
