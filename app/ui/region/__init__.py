"""The RSIV's regional screens."""
