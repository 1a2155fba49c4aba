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

# A common word on a large registry: only the page shown is cut into
# snippets, and only the hits that score as well as its last are ordered.
# BENCH_LARGE_MB (default 400; 0 skips this part) MiB of generated law
# (genlaw.sh) are imported; "de" then matches nearly every article.  The
# reference is a search for a word that is nowhere: starting, opening the
# registry and reading the query, the cost of any search.  (The sqlite3
# shell cannot read the index: its tokenizer lives in proeftoets.)
large=${BENCH_LARGE_MB:-400}
[ "$large" -gt 0 ] || exit 0
"$here/genlaw.sh" "$large" "$tmp/large.xml" >/dev/null
"$bin" --db "$tmp/large.db" import -q "$tmp/large.xml"
rm -f "$tmp/large.xml"
word=${BENCH_WORD:-de}
best() { # best of three wall times of "$@"
	b=
	for i in 1 2 3; do
		t0=$(now)
		"$@" >/dev/null 2>&1
		t=$(echo "$(now) - $t0" | bc)
		if [ -z "$b" ] || [ "$(echo "$t < $b" | bc)" = 1 ]; then b=$t; fi
	done
	echo "$b"
}
printf 'registry %s MiB, %s matches for "%s"\n' \
	"$(($(stat -c %s "$tmp/large.db") / 1048576))" \
	"$("$bin" --db "$tmp/large.db" search --limit 1 "$word" |
		sed -n 's/^results 1-1 of \([0-9]*\).*/\1/p')" "$word"
ref=$(best "$bin" --db "$tmp/large.db" search zzqqxx)
printf '%-24s %6.3f s   1.0 x\n' "search zzqqxx (nowhere)" "$ref"
for k in 1 100; do
	t=$(best "$bin" --db "$tmp/large.db" search --pagina $k "$word")
	printf '%-24s %6.3f s %5.1f x\n' "search --pagina $k $word" "$t" \
		"$(echo "$t / $ref" | bc -l)"
done
