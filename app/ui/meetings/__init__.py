"""The Overleggen screen."""
