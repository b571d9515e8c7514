"""The Overzicht screen."""
