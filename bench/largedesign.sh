#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# largedesign.sh: is the check of one large design linear in its size?
#
# usage: bench/largedesign.sh      (from a build directory)
#   PROEFTOETS   the binary to measure (default ./proeftoets)
#   SRCDIR       the source tree (default: the parent of this script)
#   BENCH_SIZES  numbers of actors (default "5000 50000")
#   BENCH_RUNS   runs per size; the median CPU time is shown (default 3)
#   BENCH_SHARING 1 (default): pairs share data in dossiers; 0: one task
#                per actor and nothing shared
#
# Writes a design of N actors, each with a task and (BENCH_SHARING=1) every
# pair sharing data in a dossier, and checks it with 'check --format json' into a file
# of the work directory (an empty registry: no texts to quote).  The
# reference is 'xmllint --noout' on the same file.  Prints CPU seconds
# (median) of both, their ratio, the peak memory of the check, and the
# check's time per actor as a ratio to that of the smallest size (1.0 =
# linear).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
src=${SRCDIR:-$here/..}
bin=${PROEFTOETS:-./proeftoets}
sizes=${BENCH_SIZES:-5000 50000}
runs=${BENCH_RUNS:-3}
sharing=${BENCH_SHARING:-1}
timecmd=/usr/bin/time

[ -x "$bin" ] || { echo "$0: no proeftoets binary at '$bin' (set PROEFTOETS)" >&2; exit 1; }
[ -x "$timecmd" ] || { echo "$0: $timecmd is missing (apt-get install time)" >&2; exit 1; }
command -v xmllint >/dev/null || { echo "$0: xmllint is missing (apt-get install libxml2-utils)" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/proeftoets-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

gen() {
	awk -v n="$1" -v sharing="$sharing" 'BEGIN {
	printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	printf "<proeftuin id=\"groot\" peildatum=\"2026-07-01\">\n<naam>Groot</naam>\n<actoren>\n"
	for (i = 1; i <= n; i++)
		printf "<actor id=\"a%d\" rol=\"%s\"/>\n", i, (i % 2 ? "wijkteam" : "regionaal-veiligheidsteam")
	printf "</actoren>\n<taken>\n"
	for (i = 1; i <= n; i++)
		printf "<taak id=\"%s\" actor=\"a%d\"/>\n", (i % 2 ? "jeugdhulp" : "uitvoering-ots"), i
	printf "</taken>\n<gegevensdeling>\n"
	for (i = 1; sharing && i < n; i += 2)
		printf "<deling van=\"a%d\" naar=\"a%d\" gegevens=\"jeugdhulp\" grondslag=\"geen\"/>\n<dossier actoren=\"a%d a%d\"/>\n", i, i + 1, i, i + 1
	printf "</gegevensdeling>\n</proeftuin>\n" }' > "$2"
}

# median of the CPU times (user+sys) in file $1, one "U S" pair a line
median() {
	awk '{ print $1 + $2 }' "$1" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

printf '%8s %12s %12s %8s %10s %12s\n' actors check_cpu_s xmllint_cpu_s ratio peak_mb per_actor
base=
for n in $sizes; do
	gen "$n" "$work/d.xml"
	: > "$work/tc"; : > "$work/tx"; peak=0
	i=0
	while [ "$i" -lt "$runs" ]; do
		set +e
		"$timecmd" -f '%U %S %M' -o "$work/t" "$bin" --db "$work/reg.db" check \
			--rules "$src/rules" --format json -o "$work/out.json" "$work/d.xml"
		rc=$?
		set -e
		[ "$rc" -le 1 ] || { echo "$0: check failed ($rc)" >&2; exit 1; }
		tail -n 1 "$work/t" >> "$work/tc"
		m=$(tail -n 1 "$work/t" | awk '{ print $3 }')
		[ "$m" -gt "$peak" ] && peak=$m
		"$timecmd" -f '%U %S' -o "$work/t" xmllint --noout "$work/d.xml"
		tail -n 1 "$work/t" >> "$work/tx"
		i=$((i + 1))
	done
	c=$(median "$work/tc"); x=$(median "$work/tx")
	per=$(awk -v c="$c" -v n="$n" 'BEGIN { printf "%.9f", c / n }')
	[ -n "$base" ] || base=$per
	awk -v n="$n" -v c="$c" -v x="$x" -v p="$peak" -v per="$per" -v b="$base" 'BEGIN {
		printf "%8d %12.2f %12.2f %8.1f %10.1f %12.2f\n", n, c, x, (x > 0 ? c / x : 0), p / 1024, (b > 0 ? per / b : 1) }'
done
