"""Probleembeschrijving and Organisatie screens."""
