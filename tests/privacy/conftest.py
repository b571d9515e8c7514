"""The exchange tests' workspaces and packages, for the privacy tests."""

from tests.exchange.conftest import demo_package, demo_workspace, new_workspace

__all__ = ["demo_package", "demo_workspace", "new_workspace"]
