"""The bottom floor: workspace handle, errors, paths, locks, backups and settings."""
