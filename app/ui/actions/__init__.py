"""The Actielijst screen."""
