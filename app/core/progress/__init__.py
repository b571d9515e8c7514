"""Voortgang: the gemeente's two-monthly voortgangsnotities for the werkgroep."""
