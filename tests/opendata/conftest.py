"""The screen tests' window fixture, shared with tests/ui."""

from tests.ui.conftest import make_window  # noqa: F401 - the screen tests' window fixture
