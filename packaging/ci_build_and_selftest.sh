#!/usr/bin/env bash
# CI: build the bundle from this clone and prove it works on a locked-down machine.
#
# The program folder is made read-only and HOME points at an empty folder, as on a municipal
# laptop; `--selftest` must pass offscreen, HOME must stay empty, and the bundle must stay
# within its size budget of 170 MB (of 1,000,000 bytes; `du -sh` shows MiB): 150 MB as the
# first issue set it, plus the Word writer (python-docx with lxml) added for the plan document,
# plus the PostgreSQL driver for the RSIV's server workspace (psycopg with its libpq, OpenSSL
# and Kerberos: 10.9 MB; 166 MB measured). Exits non-zero on any failure.
set -euo pipefail

cd "$(dirname "$0")/.."
bundle=dist/woninginbraken
budget_mb=170

started=$SECONDS
bash packaging/build.sh
echo "Bouwen duurde $((SECONDS - started)) s"

home=$(mktemp -d)
temp=$(mktemp -d)
restore() {
    chmod -R u+w "$bundle"
    rm -rf "$home" "$temp"
}
trap restore EXIT
chmod -R a-w "$bundle"

status=0
env -u MPLCONFIGDIR -u WONINGINBRAKEN_DATA_DIR -u XDG_CACHE_HOME -u XDG_CONFIG_HOME \
    -u XDG_DATA_HOME HOME="$home" TMPDIR="$temp" QT_QPA_PLATFORM=offscreen \
    "$bundle/woninginbraken" --selftest || status=$?
if [[ $status -ne 0 ]]; then
    echo "FOUT: de zelftest van de gebouwde bundel faalde (code $status)" >&2
fi

left=$(find "$home" "$temp" -mindepth 1 | head -n 20)
if [[ -n $left ]]; then
    echo "FOUT: de zelftest schreef buiten zijn eigen tijdelijke map:" >&2
    echo "$left" >&2
    status=1
fi

size_bytes=$(du -s --block-size=1 "$bundle" | cut -f1)
size_mb=$(((size_bytes + 999999) / 1000000))  # rounded up
echo "Bundelgrootte: $size_mb MB ($(du -sh "$bundle" | cut -f1)iB), budget $budget_mb MB"
if ((size_mb > budget_mb)); then
    echo "FOUT: de bundel is groter dan $budget_mb MB" >&2
    status=1
fi
exit "$status"
