"""The type checker's gate: no error below the UI, and the UI's count may only go down.

mypy checks everything; errors in app/ui are counted against the recorded baseline in
.ci/mypy-ui-baseline (lower it when you fix some; the check fails when it goes up).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BASELINE = HERE / "mypy-ui-baseline"
ERROR = re.compile(r"^(?P<path>[^:]+):\d+: error:")


def main() -> int:
    result = subprocess.run(
        [sys.executable, "-m", "mypy"], cwd=HERE.parent, capture_output=True, text=True
    )
    errors = [line for line in result.stdout.splitlines() if ERROR.match(line)]
    below_ui = [line for line in errors if not line.startswith("app/ui/")]
    ui_count = len(errors) - len(below_ui)
    baseline = int(BASELINE.read_text().strip())
    for line in below_ui:
        print(line)
    print(
        f"mypy: {len(below_ui)} error(s) below the UI (allowed 0); "
        f"{ui_count} in app/ui (baseline {baseline})."
    )
    if result.returncode not in (0, 1) or (result.returncode == 1 and not errors):
        print(result.stdout[-2000:], result.stderr[-2000:])
        return 1
    if below_ui or ui_count > baseline:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
