#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# check.sh: does 'proeftoets check' cost grow linearly with the number of
# designs, and what does one design cost?
#
# usage: bench/check.sh             (from a build directory)
#   PROEFTOETS   the binary to measure (default ./proeftoets)
#   SRCDIR       the source tree (default: the parent of this script)
#   BENCH_COUNTS numbers of designs (default "10 100 1000")
#   BENCH_RUNS   runs per count; the median CPU time is shown (default 3)
#
# Generates the designs with bench/gendesigns.sh, imports xml/bwb into a
# fresh registry, and runs the full rule set over all designs of a count in
# one 'check --format json' (report to /dev/null).  Prints CPU seconds
# (user+sys, median), the CPU time per design, and that per-design cost as
# a ratio to the per-design cost at the smallest count (1.0 = linear).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
src=${SRCDIR:-$here/..}
bin=${PROEFTOETS:-./proeftoets}
counts=${BENCH_COUNTS:-10 100 1000}
runs=${BENCH_RUNS:-3}
timecmd=/usr/bin/time

[ -x "$bin" ] || { echo "$0: no proeftoets binary at '$bin' (set PROEFTOETS)" >&2; exit 1; }
[ -x "$timecmd" ] || { echo "$0: $timecmd is missing (apt-get install time)" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/proeftoets-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

"$bin" --db "$work/reg.db" import -q "$src/xml/bwb"
printf '%8s %12s %14s %10s\n' designs cpu_seconds ms_per_design ratio
base=
for n in $counts; do
	rm -rf "$work/d"
	sh "$here/gendesigns.sh" "$n" "$work/d"
	times=
	i=0
	while [ "$i" -lt "$runs" ]; do
		set +e
		"$timecmd" -f '%U %S' -o "$work/t" "$bin" --db "$work/reg.db" check \
			--rules "$src/rules" --format json "$work"/d/*.xml >/dev/null 2>"$work/err"
		st=$?
		set -e
		if [ "$st" -gt 1 ]; then
			echo "$0: check failed with status $st" >&2
			cat "$work/err" >&2
			exit 1
		fi
		times="$times $(tail -n 1 "$work/t" | awk '{ printf "%.3f", $1 + $2 }')"
		i=$((i + 1))
	done
	med=$(echo $times | tr ' ' '\n' | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
	per=$(awk -v t="$med" -v n="$n" 'BEGIN { printf "%.3f", t * 1000 / n }')
	[ -n "$base" ] || base=$per
	ratio=$(awk -v p="$per" -v b="$base" 'BEGIN { printf "%.2f", (b > 0 ? p / b : 0) }')
	printf '%8s %12s %14s %10s\n' "$n" "$med" "$per" "$ratio"
done
