#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# crash_safety.sh: SIGKILL at random moments during a large import and
# during review writes loses nothing (tests/crash_safety.py says how).
# CRASH_SEED repeats a run; CRASH_MB, CRASH_IMPORT_KILLS and
# CRASH_REVIEW_KILLS change its size.
set -eu
: "${PROEFTOETS:?set by make check}"
: "${TOP_SRCDIR:?set by make check}"
command -v python3 >/dev/null || { echo "python3 is required for this test" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/proeftoets-crash-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
python3 "$TOP_SRCDIR/tests/crash_safety.py" "$PROEFTOETS" "$TOP_SRCDIR" "$work"
