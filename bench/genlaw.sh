#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# genlaw.sh: make a large, valid BWB toestand for benchmarks by repeating
# the articles of a real law inside one <wettekst>.
#
# usage: bench/genlaw.sh MEGABYTES OUT [SOURCE]
#
# SOURCE defaults to the Zorgverzekeringswet of the shared corpus.  The
# body of its <wettekst> (divisions and articles, with their meta-data) is
# written as often as needed to reach MEGABYTES; the head and tail of the
# file are kept, so the result is one well-formed toestand.  Prints
# "OUT: N articles, B bytes"; N is count(//artikel) of the result.
set -eu

usage() {
	echo "usage: $0 MEGABYTES OUT [SOURCE]" >&2
	exit 2
}
[ $# -ge 2 ] || usage
mb=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
shared=${SHARED_DIR:-$here/../tests/data}
src=${3:-$shared/corpus/bwb/BWBR0018450_2025-07-05_0.xml}
case $mb in
''|*[!0-9]*) usage ;;
esac
[ -r "$src" ] || { echo "$0: cannot read '$src'" >&2; exit 1; }

# Byte offsets of the end of <wettekst ...> and of </wettekst>.
open=$(grep -bo '<wettekst[^>]*>' "$src" | head -n 1)
close=$(grep -bo '</wettekst>' "$src" | tail -n 1 | cut -d: -f1)
[ -n "$open" ] && [ -n "$close" ] ||
	{ echo "$0: no <wettekst> in '$src'" >&2; exit 1; }
tag=${open#*:}
start=$(( ${open%%:*} + ${#tag} ))
bodylen=$((close - start))

tmp=$(mktemp "${TMPDIR:-/tmp}/genlaw.XXXXXX")
trap 'rm -f "$tmp" "$tmp.block"' EXIT INT TERM
tail -c +$((start + 1)) "$src" | head -c "$bodylen" >"$tmp"
per=$(grep -o '<artikel[ >/]' "$tmp" | wc -l)
per=$((per + 0))
total=$(grep -o '<artikel[ >/]' "$src" | wc -l)
[ "$per" -eq $((total + 0)) ] ||
	{ echo "$0: not every artikel of '$src' is in its wettekst" >&2; exit 1; }

want=$((mb * 1024 * 1024))
reps=$(( (want + bodylen - 1) / bodylen ))
[ "$reps" -ge 1 ] || reps=1

# Blocks of 16 copies keep the number of writes small.
: >"$tmp.block"
i=0
while [ $i -lt 16 ]; do cat "$tmp" >>"$tmp.block"; i=$((i + 1)); done
head -c "$start" "$src" >"$out"
n=$reps
while [ $n -ge 16 ]; do cat "$tmp.block" >>"$out"; n=$((n - 16)); done
while [ $n -gt 0 ]; do cat "$tmp" >>"$out"; n=$((n - 1)); done
tail -c +$((close + 1)) "$src" >>"$out"

echo "$out: $((reps * per)) articles, $(wc -c <"$out" | tr -d ' ') bytes"
