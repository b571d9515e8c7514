#!/usr/bin/env bash
# Build the one-folder program dist/woninginbraken/ (Linux, macOS): `bash packaging/build.sh`.
#
# Works from a clean clone: on Linux installs the Debian packages the build steps need (when
# run as root; otherwise it names them), makes its own virtual environment in build/venv,
# installs the pinned dependencies from packaging/requirements.lock, and runs PyInstaller on
# packaging/woninginbraken.spec.
# PYTHON chooses the interpreter (default python3; the project needs 3.11 or newer).
set -euo pipefail

cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
venv=build/venv

# Linux: what the spec's size steps need (packaging/slim_icu.py, packaging/blas_shim.py):
# binutils, icupkg, and Debian's 64-bit-integer reference BLAS and LAPACK with the Fortran
# runtime; and two libraries of Qt's xcb platform plugin, to bundle them (a desktop needs them).
if [[ $(uname -s) == Linux ]]; then
    debian_packages=(binutils icu-devtools liblapack64-dev libgfortran5
                     libxcb-icccm4 libxcb-keysyms1)
    missing=()
    for package in "${debian_packages[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$package")
    done
    if ((${#missing[@]})); then
        if [[ $(id -u) -ne 0 ]]; then
            echo "Eerst installeren (Debian/Ubuntu): sudo apt-get install ${missing[*]}" >&2
            exit 1
        fi
        echo "Debian-pakketten installeren: ${missing[*]}"
        apt-get update -q
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
    fi
fi

if [[ ! -x $venv/bin/python ]]; then
    echo "Bouwomgeving maken in $venv"
    "$python" -m venv "$venv"
fi
echo "Vastgepinde afhankelijkheden installeren (packaging/requirements.lock)"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    --constraint packaging/requirements.lock ".[build,postgres]"

echo "PyInstaller draaien"
rm -rf dist/woninginbraken
"$venv/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/woninginbraken.spec

echo "Klaar: dist/woninginbraken ($(du -sh dist/woninginbraken | cut -f1))"
