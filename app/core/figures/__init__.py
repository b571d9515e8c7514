"""Burglary figures: reading files, storing them and computing rates and progress."""
