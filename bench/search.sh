#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# search.sh: what does a search query cost as one word is repeated?
#
# usage: bench/search.sh            (from a build directory)
#   PROEFTOETS   the binary to measure (default ./proeftoets)
#   SHARED_DIR   the corpus (default: tests/data of the source tree)
#   BENCH_REPEATS  repetitions of the word (default "1 100 200 400")
#   TMPDIR       where the registry goes
#
# Imports two laws of the corpus into a fresh registry, then times
# `search` for the word "kind" repeated N times (wall time, one run each)
# and prints each time and its ratio to the single word's.  Queries over
# the bounds of src/query.h are refused: the line says so.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
shared=${SHARED_DIR:-$here/../tests/data}
bin=${PROEFTOETS:-./proeftoets}
repeats=${BENCH_REPEATS:-1 100 200 400}

[ -x "$bin" ] || { echo "$0: no proeftoets binary at '$bin'" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/search-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
"$bin" --db "$tmp/r.db" import -q \
	"$shared/corpus/bwb/BWBR0002656_wettenbestand-2012.xml" \
	"$shared/corpus/bwb/BWBR0018450_2025-07-05_0.xml"

now() { date +%s.%N; }
base=
for n in $repeats; do
	q=$(i=0; while [ $i -lt "$n" ]; do printf 'kind '; i=$((i + 1)); done)
	t0=$(now)
	if "$bin" --db "$tmp/r.db" search --limit 20 "$q" >/dev/null 2>"$tmp/err"; then
		what=ok
	else
		what="refused: $(cat "$tmp/err")"
	fi
	t=$(echo "$(now) - $t0" | bc)
	[ -n "$base" ] || base=$t
	printf '%5d x kind  %6.3f s  %7.1f x  %s\n' "$n" "$t" \
		"$(echo "$t / $base" | bc -l)" "$what"
done
