#!/usr/bin/env bash
# Build the one-folder program dist/woninginbraken/ (Linux, macOS): `bash packaging/build.sh`.
#
# Works from a clean clone: makes its own virtual environment in build/venv, installs the
# pinned dependencies from requirements.lock, and runs PyInstaller on packaging/woninginbraken.spec.
# PYTHON chooses the interpreter (default python3; the project needs 3.11 or newer).
set -euo pipefail

cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
venv=build/venv

if [[ ! -x $venv/bin/python ]]; then
    echo "Bouwomgeving maken in $venv"
    "$python" -m venv "$venv"
fi
echo "Vastgepinde afhankelijkheden installeren (requirements.lock)"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    --constraint requirements.lock ".[build]"

echo "PyInstaller draaien"
rm -rf dist/woninginbraken
"$venv/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/woninginbraken.spec

echo "Klaar: dist/woninginbraken ($(du -sh dist/woninginbraken | cut -f1))"
