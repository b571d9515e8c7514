"""The package flows: export, import and the RSIV's merge."""
