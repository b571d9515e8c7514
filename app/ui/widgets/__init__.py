"""Building blocks shared by the screens: forms, list editors, undo, background jobs."""
