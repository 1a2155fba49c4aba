#!/bin/sh
# analyze.sh SRCDIR: build the library and the program under
# scan-build (the clang static analyzer) in a scratch directory.  Any report
# fails, and is listed as file:line: description.
set -eu
src=$(cd "$1" && pwd)
scan=
for c in scan-build scan-build-16 scan-build-15 scan-build-14; do
	if command -v "$c" >/dev/null 2>&1; then
		scan=$c
		break
	fi
done
[ -n "$scan" ] || { echo "analyze: scan-build not found (Debian: clang-tools)" >&2; exit 2; }
dir=$(mktemp -d "${TMPDIR:-/tmp}/proeftoets-analyze-XXXXXX")
trap 'rm -rf "$dir"' EXIT INT TERM
cd "$dir"
"$scan" "$src/configure" -q --enable-unit-tests >/dev/null
rc=0
"$scan" -o "$dir/report" --status-bugs \
	-enable-checker security.insecureAPI.strcpy \
	-enable-checker unix.Malloc \
	make -j2 all >"$dir/build.log" 2>&1 || rc=$?
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
