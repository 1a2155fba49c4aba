#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# spreadsheet.sh: the CSV (both dialects) and the workbooks of check and
# amendments read back by a script (tests/spreadsheet.py): every cell as
# it was meant, a review note with quotes, semicolons, a line break and a
# leading =, +, - or @ included.
set -eu
: "${PROEFTOETS:?set by make check}"
: "${TOP_SRCDIR:?set by make check}"
command -v python3 >/dev/null || { echo "python3 is required for this test" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/proeftoets-sheet-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
SOURCE_DATE_EPOCH=1764547200
export SOURCE_DATE_EPOCH
db="$work/reg.db"
rules="$TOP_SRCDIR/rules"
noord="$TOP_SRCDIR/xml/proeftuinen/noord.xml"
"$PROEFTOETS" --db "$db" import -q "$TOP_SRCDIR/xml/bwb"
"$PROEFTOETS" --db "$db" check --rules "$rules" --save "$noord" >/dev/null ||
	test $? -eq 1
# Four findings, four notes a spreadsheet would take for a formula.
"$PROEFTOETS" --db "$db" review list --proeftuin noord | sed -n '/^noord\//p' |
	head -n 4 >"$work/ids"
test "$(wc -l <"$work/ids")" -eq 4
n=0
while read -r id; do
	n=$((n + 1))
	case $n in
	1) note='=HYPERLINK("http://example.invalid";"klik"); zie "art. 2.10"
tweede regel' st=confirmed ;;
	2) note='+31 6 1234; gebeld' st=mitigated ;;
	3) note='-1; "min"' st=needs-amendment ;;
	*) note='@SUM(A1:A2)' st=rejected ;;
	esac
	printf '%s\t%s\n' "$id" "$note" >>"$work/notes"
	"$PROEFTOETS" --db "$db" review set "$id" "$st" --by test --note "$note" >/dev/null
done <"$work/ids"
for d in rfc4180 excel-nl; do
	"$PROEFTOETS" --db "$db" check --rules "$rules" --format csv \
		--csv-dialect "$d" -o "$work/check-$d.csv" "$noord" || test $? -eq 1
	"$PROEFTOETS" --db "$db" amendments --rules "$rules" --today 2026-07-01 \
		--format csv --csv-dialect "$d" -o "$work/amend-$d.csv"
done
"$PROEFTOETS" --db "$db" check --rules "$rules" --format csv \
	-o "$work/check-default.csv" "$noord" || test $? -eq 1
"$PROEFTOETS" --db "$db" check --rules "$rules" --format json \
	-o "$work/check.json" "$noord" || test $? -eq 1
"$PROEFTOETS" --db "$db" check --rules "$rules" --format xlsx \
	-o "$work/check.xlsx" "$noord" || test $? -eq 1
"$PROEFTOETS" --db "$db" amendments --rules "$rules" --today 2026-07-01 \
	--format xlsx -o "$work/amend.xlsx"
python3 "$TOP_SRCDIR/tests/spreadsheet.py" "$work"
