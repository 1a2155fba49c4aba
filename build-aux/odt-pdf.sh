#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# odt-pdf.sh: open the OpenDocument texts and Word documents of check and
# amendments, and the OpenDocument text of ruimte, in LibreOffice,
# convert them to PDF and look for their headings and page numbers in
# the text pdftotext gives.  Needs soffice and pdftotext
# (sh build-aux/install-deps.sh --office).
#   sh build-aux/odt-pdf.sh SRCDIR PROEFTOETS
set -eu

src=${1:?usage: odt-pdf.sh SRCDIR PROEFTOETS}
prog=${2:?usage: odt-pdf.sh SRCDIR PROEFTOETS}
case $prog in /*) ;; *) prog=$(pwd)/$prog ;; esac
work=$(mktemp -d "${TMPDIR:-/tmp}/proeftoets-odt-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

SOURCE_DATE_EPOCH=1764547200
export SOURCE_DATE_EPOCH
db=$work/reg.db
"$prog" --db "$db" import -q "$src/xml/bwb" >/dev/null
# Exit status 1: the design has barriers, as expected.
"$prog" --db "$db" check --rules "$src/rules" --save --format odt \
	-o "$work/noord.odt" "$src/xml/proeftuinen/noord.xml" || test $? -eq 1
"$prog" --db "$db" check --rules "$src/rules" --format docx \
	-o "$work/noord-docx.docx" "$src/xml/proeftuinen/noord.xml" || test $? -eq 1
"$prog" --db "$db" ruimte --rules "$src/rules" --format odt \
	-o "$work/ruimte.odt" "$src/xml/proeftuinen/noord.xml"
for f in odt docx; do
	"$prog" --db "$db" amendments --rules "$src/rules" --today 2026-07-01 \
		--format $f -o "$work/wijzigingen-$f.$f"
done

# A profile of its own, so that no other LibreOffice is disturbed.
HOME=$work timeout 240 soffice --headless --norestore \
	"-env:UserInstallation=file://$work/profile" \
	--convert-to pdf --outdir "$work" "$work/noord.odt" \
	"$work/noord-docx.docx" "$work/wijzigingen-odt.odt" \
	"$work/wijzigingen-docx.docx" "$work/ruimte.odt" >/dev/null 2>&1

fail=0
want() {
	if ! grep -qF -- "$2" "$1"; then
		echo "odt-pdf: $(basename "$1" .txt).pdf lacks '$2'" >&2
		fail=1
	fi
}
for f in noord noord-docx wijzigingen-odt wijzigingen-docx ruimte; do
	test -s "$work/$f.pdf" || { echo "odt-pdf: no $f.pdf" >&2; exit 1; }
	pdftotext -layout "$work/$f.pdf" "$work/$f.txt"
done
for f in noord noord-docx; do
	want "$work/$f.txt" "Proeftoets: Proeftuin Noord"
	want "$work/$f.txt" "Proeftuin: noord"
	want "$work/$f.txt" "Gemaakt op 1 december 2025"
	want "$work/$f.txt" "Samenvatting"
	want "$work/$f.txt" "Belemmeringen, per benodigde wijziging"
	want "$work/$f.txt" "1. Wijziging van art."
	want "$work/$f.txt" "Risico's voor de rechtsbescherming"
	want "$work/$f.txt" "Wat in orde is"
	want "$work/$f.txt" "Pagina 2 van"
done
for f in wijzigingen-odt wijzigingen-docx; do
	want "$work/$f.txt" "Wijzigingslijst"
	want "$work/$f.txt" "Te wijzigen bepalingen"
	want "$work/$f.txt" "Pagina 2 van"
done
want "$work/ruimte.txt" "Juridische ruimte"
want "$work/ruimte.txt" "Proeftuin: noord"
want "$work/ruimte.txt" "Gemaakt op 1 december 2025"
want "$work/ruimte.txt" "1. Wat nu kan, binnen de huidige wet"
want "$work/ruimte.txt" "2. Wat een AMvB kan toestaan"
want "$work/ruimte.txt" "3. Wat de wetgever moet doen"
want "$work/ruimte.txt" "4. De ladder"
want "$work/ruimte.txt" "5. De tekst van de bepalingen"
want "$work/ruimte.txt" "Een gecertificeerde instelling biedt geen jeugdhulp aan."
want "$work/ruimte.txt" "Pagina 2 van"
for f in noord noord-docx ruimte; do
	pages=$(pdfinfo "$work/$f.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
	echo "odt-pdf: $f.pdf ${pages:-?} pages"
done
exit $fail
