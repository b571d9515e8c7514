"""The measured value and state of each goal, where the workspace has figures for it."""

from __future__ import annotations

from app.analysis.goals import GoalProgress
from app.core.figures.figures import load_figures
from app.kernel.workspace import Workspace


def progress_by_goal(workspace: Workspace) -> dict[str, GoalProgress]:
    """Progress per goal id; a goal without figures has state 'onbekend' and no value."""
    if not workspace.summary.municipality_code:
        return {}
    return {progress.goal.id: progress for progress in load_figures(workspace).goal_progress()}
