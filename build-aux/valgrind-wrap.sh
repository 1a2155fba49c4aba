#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# valgrind-wrap.sh TEST [ARGS]: the LOG_COMPILER of `make check` when
# configured with --enable-valgrind.  A compiled test runs under valgrind
# in-process (CK_FORK=no); a shell test gets PROEFTOETS pointing at a
# wrapper that runs the real binary under valgrind.  Any error or leak
# fails the test (exit status 99 from valgrind).  The crash test runs the
# plain binary.
set -eu
: "${VALGRIND:=valgrind}"
vg_opts="--quiet --error-exitcode=99 --leak-check=full \
--show-leak-kinds=definite,indirect,possible \
--errors-for-leak-kinds=definite,indirect,possible --track-fds=no"

case "$1" in
*crash_safety.sh)
	# Kills by design: valgrind could never finish its leak check, and
	# thirty times slower it would take most of an hour.
	sh "$@"
	;;
*.sh)
	wrapper=$(mktemp "${TMPDIR:-/tmp}/proeftoets-vg-XXXXXX")
	trap 'rm -f "$wrapper"' EXIT INT TERM
	printf '#!/bin/sh\nexec %s %s %s "$@"\n' "$VALGRIND" "$vg_opts" "$PROEFTOETS" >"$wrapper"
	chmod +x "$wrapper"
	PROEFTOETS=$wrapper
	export PROEFTOETS
	sh "$@"
	;;
*)
	CK_FORK=no
	export CK_FORK
	# shellcheck disable=SC2086
	exec "$VALGRIND" $vg_opts "$@"
	;;
esac
