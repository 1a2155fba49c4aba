#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# import.sh: how fast and how lean is 'proeftoets import' compared with
# 'xmllint --stream --noout' on the same file?
#
# usage: bench/import.sh            (from a build directory)
#   PROEFTOETS   the binary to measure (default ./proeftoets)
#   SHARED_DIR   the corpus (default: tests/data of the source tree)
#   BENCH_SIZES  sizes in MiB of the generated laws (default "50 200 400")
#   BENCH_RUNS   runs per measurement; the median is shown (default 3)
#   TMPDIR       where the generated files and registries go
#
# Builds nothing.  Measures (a) the largest real law of the corpus and
# (b) laws made by bench/genlaw.sh.  Each import goes into a fresh registry.
# Prints wall time (median) of both commands and their ratio, and the peak
# resident memory (max over the runs) of both.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
shared=${SHARED_DIR:-$here/../tests/data}
bin=${PROEFTOETS:-./proeftoets}
sizes=${BENCH_SIZES:-50 200 400}
runs=${BENCH_RUNS:-3}
timecmd=/usr/bin/time

die() {
	echo "$0: $*" >&2
	exit 1
}

[ -x "$bin" ] || die "no proeftoets binary at '$bin' (set PROEFTOETS)"
command -v xmllint >/dev/null 2>&1 ||
	die "xmllint is missing (apt-get install libxml2-utils)"
[ -x "$timecmd" ] ||
	die "$timecmd is missing: it measures peak memory (apt-get install time)"
[ -d "$shared/corpus/bwb" ] || die "no corpus at '$shared' (set SHARED_DIR)"
case $bin in
/*) ;;
*) bin=$(pwd)/${bin#./} ;;
esac

work=$(mktemp -d "${TMPDIR:-/tmp}/bench-import.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

now() {
	date +%s%N
}

# run OUTFILE CMD...: wall seconds and peak KiB of one run ("s kib").
run() {
	out=$1
	shift
	t0=$(now)
	"$timecmd" -f %M -o "$work/rss" "$@" >"$out" 2>&1 ||
		{ cat "$out" >&2; die "failed: $*"; }
	t1=$(now)
	echo "$(( (t1 - t0) / 1000000 )) $(tail -n 1 "$work/rss")"
}

median() {
	sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

max() {
	sort -n | tail -n 1
}

# bench LABEL FILE ARTICLES
bench() {
	label=$1
	file=$2
	want=$3
	: >"$work/lint"
	: >"$work/imp"
	i=0
	while [ "$i" -lt "$runs" ]; do
		run "$work/lint.out" xmllint --stream --noout "$file" >>"$work/lint"
		rm -f "$work/reg.db" "$work/reg.db-wal" "$work/reg.db-shm"
		run "$work/imp.out" "$bin" --db "$work/reg.db" import "$file" >>"$work/imp"
		got=$(sed -n 's/.*: \([0-9]*\) articles .*/\1/p' "$work/imp.out")
		[ "$got" = "$want" ] ||
			die "$label: imported '$got' articles, want $want"
		i=$((i + 1))
	done
	lt=$(cut -d' ' -f1 "$work/lint" | median)
	it=$(cut -d' ' -f1 "$work/imp" | median)
	lm=$(cut -d' ' -f2 "$work/lint" | max)
	im=$(cut -d' ' -f2 "$work/imp" | max)
	bytes=$(wc -c <"$file" | tr -d ' ')
	awk -v l="$label" -v b="$bytes" -v a="$want" -v lt="$lt" -v it="$it" \
	    -v lm="$lm" -v im="$im" 'BEGIN {
		printf "%-28s %8.1f %8d %9.2f %9.2f %6.2f %9.1f %9.1f\n",
		    l, b / 1048576, a, lt / 1000, it / 1000,
		    (lt > 0 ? it / lt : 0), lm / 1024, im / 1024
	}'
}

echo "proeftoets: $bin ($("$bin" --version 2>/dev/null | head -n 1))"
echo "xmllint:    $(xmllint --version 2>&1 | head -n 1)"
echo "runs:       $runs (time: median; memory: max)"
echo
printf "%-28s %8s %8s %9s %9s %6s %9s %9s\n" file MiB articles \
    "xmllint-s" "import-s" ratio "xmllint-MB" "import-MB"

# (a) The largest real law of the corpus.
real=$(ls -S "$shared"/corpus/bwb/*.xml | grep -v -e _manifest -e '\.WTI\.xml' |
	head -n 1)
n=$(xmllint --xpath 'count(//artikel)' "$real")
bench "$(basename "$real")" "$real" "$n"

# (b) Generated laws.
for mb in $sizes; do
	f=$work/law-$mb.xml
	line=$(SHARED_DIR=$shared "$here/genlaw.sh" "$mb" "$f")
	n=$(echo "$line" | sed 's/.*: \([0-9]*\) articles.*/\1/')
	bench "generated $mb MiB" "$f" "$n"
	rm -f "$f"
done
