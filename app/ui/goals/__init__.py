"""The Doelstellingen screen."""
