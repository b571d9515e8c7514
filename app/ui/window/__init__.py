"""The main window, start-up and navigation."""
