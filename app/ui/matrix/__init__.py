"""The 3D-matrix screen."""
