#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# completion.sh: the bash completion (completion/proeftoets) against the
# program of this build: commands, options and formats from its --help, BWB
# and proeftuin ids from a registry, file names for designs.
#
# Each case completes one command line (the last word is the one under the
# cursor) and compares the candidates, sorted, with the expected list.
set -eu

: "${PROEFTOETS:?}" "${TOP_SRCDIR:?}"
command -v bash >/dev/null || { echo "no bash: skipped"; exit 77; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/bin" "$tmp/work" "$tmp/work/sub"
# The completion runs the program named on the command line: put this
# build's program on PATH under its name.
ln -s "$PROEFTOETS" "$tmp/bin/proeftoets"
db=$tmp/reg.db
"$PROEFTOETS" --db "$db" import -q "$TOP_SRCDIR/xml/bwb"
"$PROEFTOETS" --db "$db" proeftuin add -q --rules "$TOP_SRCDIR/rules" \
	"$TOP_SRCDIR/xml/proeftuinen/noord.xml" \
	"$TOP_SRCDIR/xml/proeftuinen/rvt-integraal.xml"
: >"$tmp/work/a.xml"
: >"$tmp/work/b.txt"

cd "$tmp/work"
fail=0
envdb=
# check 'EXPECTED CANDIDATES' WORD...
check() {
	want=$1
	shift
	got=$(PATH="$tmp/bin:$PATH" PROEFTOETS_DB=$envdb bash -c '
		[ -n "$PROEFTOETS_DB" ] || unset PROEFTOETS_DB
		. "$1/completion/proeftoets"
		shift
		COMP_WORDS=("$@")
		COMP_CWORD=$(($# - 1))
		_proeftoets
		printf "%s\n" "${COMPREPLY[@]}" | LC_ALL=C sort | tr "\n" " "
	' sh "$TOP_SRCDIR" "$@")
	got=${got% }
	if [ "$got" != "$want" ]; then
		echo "FAIL: $*"
		echo "  want: $want"
		echo "  got:  $got"
		fail=1
	fi
}

check "amendments check diff import laws proeftuin proeftuinen review ruimte rules search serve show update user" \
	proeftoets ""
check "proeftuin proeftuinen" proeftoets --db x proef
check "--db --help --version" proeftoets --
check "-h" proeftoets -h
check "csv docx html json markdown odt svg text xlsx" proeftoets check --format ""
check "csv docx json markdown odt text xlsx" proeftoets amendments --format ""
check "text" proeftoets laws --format t
check "--save" proeftoets check --sa
check "kort lang" proeftoets check --citeerstijl ""
check "lang" proeftoets amendments --citeerstijl l
check "--citeerstijl" proeftoets ruimte --cit
check "--output" proeftoets ruimte --out
check "list log set" proeftoets review ""
check "stale" proeftoets rules ""
check "add list remove" proeftoets user ""
check "reader reviewer" proeftoets user add anna --role ""
check "always auto never" proeftoets diff --color = ""
check "always auto" proeftoets rules stale --color = a
check "confirmed" proeftoets review set noord/x con
check "mitigated" proeftoets review list --status m
check "BWBR0002656 BWBR0024649 BWBR0034925 BWBR0035362" \
	proeftoets --db "$db" show ""
check "BWBR0034925 BWBR0035362" proeftoets --db "$db" diff BWBR003
check "" proeftoets --db "$db" show BWBR0034925 ""
check "BWBR0024649" proeftoets --db "$db" update --since 2020-01-01 BWBR002
check "noord rvt-integraal" proeftoets --db "$db" amendments --proeftuin ""
check "noord" proeftoets --db "$db" review list --status open --proeftuin n
check "noord" proeftoets --db "$db" amendments --proeftuin rvt-integraal --proeftuin n
# The registry of $PROEFTOETS_DB; one that does not exist is not created.
envdb=$db
check "noord rvt-integraal" proeftoets amendments --proeftuin ""
envdb=
check "" proeftoets amendments --proeftuin ""
[ ! -e proeftoets.db ] || { echo "FAIL: the completion created proeftoets.db"; fail=1; }
# Designs: XML files and directories.
check "a.xml sub" proeftoets check ""
check "a.xml sub" proeftoets import ""
check "a.xml b.txt sub" proeftoets check -o ""
check "sub" proeftoets check --rules ""
exit $fail
