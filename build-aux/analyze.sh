#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# analyze.sh: rebuild the library and the program of this build directory
# under scan-build (the clang static analyzer).  Run from the build
# directory (`make analyze`), in-tree or not; the objects it leaves are
# ordinary compiler output.  Any report fails, and is listed as
# file:line: description.
set -eu
scan=
for c in scan-build scan-build-16 scan-build-15 scan-build-14; do
	if command -v "$c" >/dev/null 2>&1; then
		scan=$c
		break
	fi
done
[ -n "$scan" ] || { echo "analyze: scan-build not found (Debian: clang-tools)" >&2; exit 2; }
[ -f Makefile ] || { echo "analyze: run from a configured build directory" >&2; exit 2; }
dir=$(mktemp -d "${TMPDIR:-/tmp}/proeftoets-analyze-XXXXXX")
trap 'rm -rf "$dir"' EXIT INT TERM
rc=0
# Every object again, so that every file is analysed.
rm -f src/*.o src/libproeftoets.a proeftoets
"$scan" -o "$dir/report" --status-bugs \
	-enable-checker security.insecureAPI.strcpy \
	-enable-checker unix.Malloc \
	make -j2 src/libproeftoets.a proeftoets >"$dir/build.log" 2>&1 || rc=$?
if [ "$rc" -ne 0 ]; then
	grep -E 'error:' "$dir/build.log" || true
	for f in "$dir"/report/*/report-*.html; do
		[ -f "$f" ] || continue
		file=$(sed -n 's/^<!-- BUGFILE \(.*\) -->$/\1/p' "$f")
		line=$(sed -n 's/^<!-- BUGLINE \(.*\) -->$/\1/p' "$f")
		desc=$(sed -n 's/^<!-- BUGDESC \(.*\) -->$/\1/p' "$f")
		echo "analyze: $file:$line: $desc"
	done
	exit 1
fi
grep 'scan-build:' "$dir/build.log" | tail -n 1 || true
