"""The RSIV's feedback to a gemeente, out and back."""
