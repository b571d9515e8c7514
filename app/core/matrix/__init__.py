"""Measures arranged in the 3D matrix (offender, victim, environment x kind)."""
