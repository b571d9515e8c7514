"""The Cijfers screen and its imports."""
