"""The RSIV's regional picture, agenda, evaluation and report content."""
