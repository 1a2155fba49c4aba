#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# fuzz.sh SRCDIR NAME SECONDS: run the libFuzzer harness tests/fuzz/fuzz_NAME
# (built by `CC=clang ./configure --enable-fuzzing`) for SECONDS seconds from
# the build directory, seeded from tests/fuzz/corpus/NAME and the project's
# own example files.  New inputs are kept in fuzz-corpus/NAME, a crash, leak
# or hang is written to fuzz-artifacts/ and fails the run.  Prints one line
# with the figures; the whole libFuzzer output is in fuzz-NAME.log.
set -eu
srcdir=$1
name=$2
secs=$3
bin=tests/fuzz/fuzz_$name
log=fuzz-$name.log

case $name in
bwb)	extra=; max_len=70000 ;;	# one 64 KiB chunk and a bit
design)	extra="$srcdir/xml/proeftuinen $srcdir/tests/fixtures/designs"
	max_len=16384 ;;
rules)	extra="$srcdir/rules $srcdir/tests/fixtures/rules"; max_len=32768 ;;
*)	echo "fuzz.sh: unknown harness '$name'" >&2; exit 2 ;;
esac
[ -x "$bin" ] || { echo "fuzz.sh: $bin not built (configure --enable-fuzzing)" >&2; exit 2; }
mkdir -p "fuzz-corpus/$name" fuzz-artifacts
dict=
[ -f "$srcdir/tests/fuzz/dict/$name.dict" ] && dict="-dict=$srcdir/tests/fuzz/dict/$name.dict"

UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export UBSAN_OPTIONS
rc=0
# shellcheck disable=SC2086
"./$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
	-max_len="$max_len" -print_final_stats=1 $dict \
	-artifact_prefix="fuzz-artifacts/$name-" \
	"fuzz-corpus/$name" "$srcdir/tests/fuzz/corpus/$name" $extra \
	>"$log" 2>&1 || rc=$?

runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -n 1)
cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | cut -d' ' -f2)
corpus=$(find "fuzz-corpus/$name" -type f | wc -l)
if [ "$rc" -ne 0 ]; then
	echo "fuzz $name: FAILED after ${runs:-?} runs (exit $rc); last lines of $log:"
	tail -n 60 "$log"
	ls -l fuzz-artifacts/ 2>/dev/null || true
	exit 1
fi
echo "fuzz $name: ${runs:-0} runs in $secs s, coverage ${cov:-?} edges," \
	"corpus $corpus inputs, peak RSS ${rss:-?} MB: no crash, leak or hang"
