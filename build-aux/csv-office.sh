#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# csv-office.sh: open the CSV of check and amendments in LibreOffice Calc
# set to Dutch (nl-NL) and to English (en-US), convert each to XLSX and
# read the cells back: in dialect excel-nl every article number (2.10,
# 3.1, 1:255) and lid must still be the text it was, not a number or a
# date, and a review note that starts with '=' must be text, not a
# formula.  A control opens the same CSV without the protection and must
# see numbers, so that the check can fail.  Needs soffice with Calc and
# python3 (sh build-aux/install-deps.sh --office).
#   sh build-aux/csv-office.sh SRCDIR PROEFTOETS
set -eu

src=${1:?usage: csv-office.sh SRCDIR PROEFTOETS}
prog=${2:?usage: csv-office.sh SRCDIR PROEFTOETS}
case $prog in /*) ;; *) prog=$(pwd)/$prog ;; esac
work=$(mktemp -d "${TMPDIR:-/tmp}/proeftoets-csv-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

SOURCE_DATE_EPOCH=1764547200
export SOURCE_DATE_EPOCH
db=$work/reg.db
"$prog" --db "$db" import -q "$src/xml/bwb" >/dev/null
for d in "$src"/xml/proeftuinen/*.xml; do
	# Exit status 1: the design has barriers, as expected.
	"$prog" --db "$db" check --rules "$src/rules" --save "$d" >/dev/null ||
		test $? -eq 1
done
# A note a spreadsheet would run as a formula.
id=$("$prog" --db "$db" review list --proeftuin noord | sed -n 1p)
"$prog" --db "$db" review set "$id" confirmed --by ci \
	--note '=HYPERLINK("http://example.invalid";"klik"); "quotes"' >/dev/null
"$prog" --db "$db" check --rules "$src/rules" --format csv \
	--csv-dialect excel-nl -o "$work/check.csv" \
	"$src"/xml/proeftuinen/*.xml || test $? -eq 1
"$prog" --db "$db" amendments --rules "$src/rules" --today 2026-07-01 \
	--format csv --csv-dialect excel-nl -o "$work/amend.csv"
# The control: the same rows without the mark before numbers.
python3 -c 'import sys; d=open(sys.argv[1],"rb").read(); open(sys.argv[2],"wb").write(d.replace(b"\xe2\x81\xa0",b""))' \
	"$work/check.csv" "$work/bare.csv"

# Convert with the CSV filter: ';' (59), '"' (34), UTF-8 (76), from line
# 1, the language (1043 nl-NL, 1033 en-US); with nl-NL also once with
# "detect special numbers" on.  A profile of its own, so that no other
# LibreOffice is disturbed.
convert() { # NAME CSV FILTER-OPTIONS
	mkdir -p "$work/$1"
	cp "$2" "$work/$1/$1.csv"
	HOME=$work timeout 240 soffice --headless --norestore \
		"-env:UserInstallation=file://$work/profile" \
		"--infilter=CSV:$3" --convert-to xlsx --outdir "$work/$1" \
		"$work/$1/$1.csv" >/dev/null 2>&1
	test -s "$work/$1/$1.xlsx" || { echo "csv-office: no $1.xlsx" >&2; exit 1; }
}
convert check-nl "$work/check.csv" 59,34,76,1,,1043
convert check-nl-special "$work/check.csv" 59,34,76,1,,1043,false,true
convert check-en "$work/check.csv" 59,34,76,1,,1033
convert amend-nl "$work/amend.csv" 59,34,76,1,,1043
convert bare-en "$work/bare.csv" 59,34,76,1,,1033

python3 "$src/tests/csv_cells.py" "$work"
