"""Hotspots and the wijkagent's problem analyses of them."""
