#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# json_contract.sh: the JSON report of every example design, and of all of
# them at once, follows the report contract (spec section 4).
set -eu
: "${PROEFTOETS:?set by make check}"
: "${TOP_SRCDIR:?set by make check}"
command -v python3 >/dev/null || { echo "python3 is required for this test" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/proeftoets-json-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
db="$work/reg.db"
"$PROEFTOETS" --db "$db" import -q "$TOP_SRCDIR/xml/bwb"
pass=0 fail=0
ids=
for d in "$TOP_SRCDIR"/xml/proeftuinen/*.xml; do
	set +e
	"$PROEFTOETS" --db "$db" check --rules "$TOP_SRCDIR/rules" --format json "$d" >"$work/r.json"
	st=$?
	set -e
	id=$(sed -n 's/.*<proeftuin[^>]* id="\([^"]*\)".*/\1/p' "$d" | head -n 1)
	ids="$ids $id"
	if [ "$st" -gt 1 ]; then
		echo "FAIL: check $d exited $st"; fail=$((fail + 1)); continue
	fi
	if python3 "$TOP_SRCDIR/tests/json_contract.py" "$work/r.json" "$id"; then
		pass=$((pass + 1))
	else
		echo "FAIL: $d"; fail=$((fail + 1))
	fi
done
set +e
# shellcheck disable=SC2046
"$PROEFTOETS" --db "$db" check --rules "$TOP_SRCDIR/rules" --format json "$TOP_SRCDIR"/xml/proeftuinen/*.xml >"$work/all.json"
set -e
# shellcheck disable=SC2086
if python3 "$TOP_SRCDIR/tests/json_contract.py" "$work/all.json" $ids; then
	pass=$((pass + 1))
else
	echo "FAIL: all designs in one report"; fail=$((fail + 1))
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 1 ]
