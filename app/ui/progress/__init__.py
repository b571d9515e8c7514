"""The Voortgang screen: the gemeente's two-monthly voortgangsnotities."""
