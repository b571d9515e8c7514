"""Calculations on burglary figures (pandas) and chart builders (matplotlib Figures).

Nothing here reads the workspace or imports Qt: app/core loads the data into DataFrames and
the screens embed the Figures with the Qt canvas.
"""
