#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# md-pandoc.sh: convert the Markdown report of check with pandoc into a
# Word document, as the README tells users to (pandoc -o memo.docx), and
# look in the text pandoc reads back from it for the title, the date and
# the provenance of the title block.  Needs pandoc
# (sh build-aux/install-deps.sh --office).
#   sh build-aux/md-pandoc.sh SRCDIR PROEFTOETS
set -eu

src=${1:?usage: md-pandoc.sh SRCDIR PROEFTOETS}
prog=${2:?usage: md-pandoc.sh SRCDIR PROEFTOETS}
case $prog in /*) ;; *) prog=$(pwd)/$prog ;; esac
work=$(mktemp -d "${TMPDIR:-/tmp}/proeftoets-pandoc-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

SOURCE_DATE_EPOCH=1764547200
export SOURCE_DATE_EPOCH
db=$work/reg.db
"$prog" --db "$db" import -q "$src/xml/bwb" >/dev/null
# Exit status 1: the design has barriers, as expected.
"$prog" --db "$db" check --rules "$src/rules" --format markdown \
	-o "$work/memo.md" "$src/xml/proeftuinen/noord.xml" || test $? -eq 1
"$prog" --db "$db" check --rules "$src/rules" --format markdown \
	--citeerstijl lang -o "$work/twee.md" "$src/xml/proeftuinen/noord.xml" \
	"$src/xml/proeftuinen/rvt-gecertificeerd.xml" || test $? -eq 1

fail=0
want() {
	if ! grep -qF -- "$2" "$1"; then
		echo "md-pandoc: $(basename "$1") lacks '$2'" >&2
		fail=1
	fi
}
for f in memo twee; do
	# --fail-if-warnings: a title block pandoc cannot read is a warning
	pandoc --fail-if-warnings -o "$work/$f.docx" "$work/$f.md"
	pandoc -s -t plain -o "$work/$f.txt" "$work/$f.docx"
	unzip -p "$work/$f.docx" docProps/core.xml >"$work/$f-core.xml"
	unzip -p "$work/$f.docx" docProps/custom.xml >"$work/$f-custom.xml"
	want "$work/$f.txt" "1 december 2025, 01:00"
	want "$work/$f-custom.xml" "proeftoets"
	want "$work/$f-custom.xml" "regels uit"
done
want "$work/memo.txt" "Proeftoets: Proeftuin Noord"
want "$work/memo-core.xml" "<dc:title>Proeftoets: Proeftuin Noord</dc:title>"
want "$work/memo-core.xml" "<dc:language>nl</dc:language>"
want "$work/memo-custom.xml" "BWBR0034925 versie 2026-01-01"
want "$work/memo.txt" "art. 7.3.11 lid 1 Jeugdwet"
want "$work/twee-core.xml" "<dc:title>Proeftoets: 2 proeftuinen</dc:title>"
want "$work/twee.txt" "artikel 7.3.11, eerste lid, van de Jeugdwet"
exit $fail
