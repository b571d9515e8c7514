"""The Hotspots screen and the wijkagent form dialogs."""
