#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# run_golden.sh: CLI tests against golden files.
#
# Each case is tests/golden/NAME.args: one line of arguments to proeftoets
# (shell words).  The expected result is tests/golden/NAME.out: standard
# output, then a line "--- stderr", standard error, then "--- exit N".
# Cases run in a scratch directory that links xml/, rules/ and tests/ from
# the source tree, against a registry "reg.db" made once by importing
# xml/bwb; a case may use --db other.db for a fresh registry.
#
# Never edit a .out file by hand: after a deliberate change, regenerate
# them with
#     PROEFTOETS_UPDATE_GOLDEN=1 make check TESTS=tests/run_golden.sh
# and review the diff.
set -eu

: "${PROEFTOETS:?set by make check}"
: "${TOP_SRCDIR:?set by make check}"
golden="$TOP_SRCDIR/tests/golden"
work=$(mktemp -d "${TMPDIR:-/tmp}/proeftoets-golden-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
ln -s "$TOP_SRCDIR/xml" "$TOP_SRCDIR/rules" "$TOP_SRCDIR/tests" "$work/"
cd "$work"

LC_ALL=C
export LC_ALL
unset PROEFTOETS_DB PROEFTOETS_RULES || true
# The installed laws directory, as messages name it, whatever the prefix.
PROEFTOETS_BWB=/usr/share/proeftoets/bwb
export PROEFTOETS_BWB

"$PROEFTOETS" --db reg.db import -q xml/bwb >/dev/null 2>&1 || {
	echo "run_golden: cannot import xml/bwb" >&2
	"$PROEFTOETS" --db reg.db import -q xml/bwb
	exit 1
}

normalise() {
	sed -e 's/"imported_at": "[^"]*"/"imported_at": "(time)"/' \
	    -e "s/\(proeftoets\) [0-9][0-9.]*\$/\1 (version)/" \
	    -e "s/\(proeftoets\) [0-9][0-9.]*'\$/\1 (version)'/"
}

pass=0 fail=0
for args_file in "$golden"/*.args; do
	[ -e "$args_file" ] || continue
	name=$(basename "$args_file" .args)
	args=$(cat "$args_file")
	rm -f other.db other.db-wal other.db-shm
	set +e
	eval "\"\$PROEFTOETS\" --db reg.db $args" >out.txt 2>err.txt
	status=$?
	set -e
	{
		normalise <out.txt
		echo "--- stderr"
		normalise <err.txt
		echo "--- exit $status"
	} >actual.txt
	if [ -n "${PROEFTOETS_UPDATE_GOLDEN:-}" ]; then
		cp actual.txt "$golden/$name.out"
		echo "updated: $name"
		pass=$((pass + 1))
	elif [ -f "$golden/$name.out" ] && cmp -s actual.txt "$golden/$name.out"; then
		pass=$((pass + 1))
	else
		echo "FAIL: $name (proeftoets $args)"
		diff -u "$golden/$name.out" actual.txt | head -n 40 || true
		fail=$((fail + 1))
	fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
