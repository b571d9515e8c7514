"""Looking into a workspace: the dump and the integrity check."""
