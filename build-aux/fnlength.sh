#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# fnlength.sh: fail when a function of the C files given is longer than
# MAX lines (default 120) from its opening to its closing brace.  A
# function is what the project's style makes of one: the name at the
# start of a line, "{" and "}" alone at the start of a line.
max=${FNLENGTH_MAX:-120}
awk -v max="$max" '
	FNR == 1 { start = 0 }
	/^[A-Za-z_][A-Za-z_0-9]*\(/ { name = $0; sub(/\(.*/, "", name) }
	/^\{/ { start = FNR }
	/^\}/ {
		if (start && FNR - start > max) {
			printf "%s:%d: %s is %d lines long (at most %d)\n",
			    FILENAME, start, name, FNR - start, max
			bad = 1
		}
		start = 0
	}
	END { exit bad }
' "$@"
