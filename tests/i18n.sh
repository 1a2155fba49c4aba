#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# i18n.sh: the command line in Dutch (LANG=nl_NL.UTF-8) and in English
# (LANG=C): the help of the program and of every command, a usage error,
# error messages (of the CLI and of the library), the listings and the
# message of a full disk.  Then the catalogue: po/nl.po translates every
# message (msgfmt --statistics: nothing untranslated or fuzzy) and
# po/proeftoets.pot holds exactly the messages of the sources (xgettext
# with the options of po/Makevars), so no message can be added without
# its translation.
#
# The nl_NL.UTF-8 locale need not be installed: it is built into the
# test's directory with localedef (package locales) and found through
# LOCPATH; the catalogue is compiled from po/nl.po and found through
# PROEFTOETS_LOCALEDIR.  Without those tools the test fails and says so.
set -eu

: "${PROEFTOETS:?}" "${TOP_SRCDIR:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

die() {
	echo "i18n.sh: $*" >&2
	exit 1
}
for tool in msgfmt xgettext msgcmp localedef; do
	command -v $tool >/dev/null ||
		die "$tool is missing: install gettext and locales (sh build-aux/install-deps.sh)"
done

# --- the locale and the catalogue -------------------------------------------
mkdir -p "$tmp/loc" "$tmp/share/nl/LC_MESSAGES"
localedef -i nl_NL -f UTF-8 "$tmp/loc/nl_NL.UTF-8" >"$tmp/localedef.log" 2>&1 || :
[ -f "$tmp/loc/nl_NL.UTF-8/LC_MESSAGES/SYS_LC_MESSAGES" ] ||
	[ -f "$tmp/loc/nl_NL.UTF-8/LC_TIME" ] || {
	cat "$tmp/localedef.log" >&2
	die "cannot build the nl_NL.UTF-8 locale with localedef (is the package locales installed, with /usr/share/i18n/locales/nl_NL?)"
}
msgfmt -c --statistics -o "$tmp/share/nl/LC_MESSAGES/proeftoets.mo" \
	"$TOP_SRCDIR/po/nl.po" 2>"$tmp/stats" || {
	cat "$tmp/stats" >&2
	die "po/nl.po does not compile (msgfmt -c)"
}
LOCPATH=$tmp/loc
PROEFTOETS_LOCALEDIR=$tmp/share
export LOCPATH PROEFTOETS_LOCALEDIR
# With LOCPATH set, glibc's newlocale() (called by a library at load
# time) keeps 40 bytes of the path list for good (argz_add_sep): not this
# program's leak, under LeakSanitizer or valgrind.
printf 'leak:__argz_add_sep\n' >"$tmp/lsan.supp"
LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}suppressions=$tmp/lsan.supp"
cat >"$tmp/vg.supp" <<'EOF'
{
   glibc-newlocale-keeps-LOCPATH
   Memcheck:Leak
   match-leak-kinds: definite
   fun:realloc
   fun:*argz_add_sep
   fun:newlocale
}
EOF
VALGRIND_OPTS="${VALGRIND_OPTS:+$VALGRIND_OPTS }--suppressions=$tmp/vg.supp"
export LSAN_OPTIONS VALGRIND_OPTS

fail=0
bad() {
	echo "FAIL: $*" >&2
	fail=1
}

# Under nl the output holds the Dutch text, under C the English one.
# expect WHAT DUTCH ENGLISH ARGS...   (the exit status is not checked)
expect() {
	what=$1 nl=$2 en=$3
	shift 3
	LC_ALL=nl_NL.UTF-8 LANG=nl_NL.UTF-8 "$PROEFTOETS" "$@" >"$tmp/nl.out" 2>&1 || :
	LC_ALL=C LANG=C "$PROEFTOETS" "$@" >"$tmp/en.out" 2>&1 || :
	grep -qF -- "$nl" "$tmp/nl.out" ||
		{ bad "$what: nl lacks '$nl':"; sed 's/^/  /' "$tmp/nl.out" >&2; }
	grep -qF -- "$en" "$tmp/en.out" ||
		{ bad "$what: C lacks '$en':"; sed 's/^/  /' "$tmp/en.out" >&2; }
	if [ "$nl" != "$en" ] && grep -qF -- "$en" "$tmp/nl.out"; then
		bad "$what: nl still says '$en'"
	fi
}

db=$tmp/reg.db
law=$TOP_SRCDIR/xml/bwb/BWBR0034925_2026-01-01_extract.xml
rules=$TOP_SRCDIR/rules

# --- help ---------------------------------------------------------------------
expect "--help" "Gebruik: proeftoets" "Usage: proeftoets" --help
expect "--help" "Opdrachten:" "Commands:" --help
expect "--help" "Afsluitstatus:" "Exit status:" --help
commands=$(LC_ALL=C "$PROEFTOETS" --help |
	sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z]*\) .*/\1/p')
[ -n "$commands" ] || bad "no commands in --help"
for cmd in $commands; do
	expect "$cmd --help" "Gebruik: proeftoets" "Usage: proeftoets" $cmd --help
	expect "$cmd --help" "Afsluitstatus:" "Exit status:" $cmd --help
	# The summary and the prose are translated, not only the headings.
	LC_ALL=nl_NL.UTF-8 "$PROEFTOETS" $cmd --help |
		awk 'f { print; exit } /^$/ { f = 1 }' >"$tmp/nl.sum"
	LC_ALL=C "$PROEFTOETS" $cmd --help |
		awk 'f { print; exit } /^$/ { f = 1 }' >"$tmp/en.sum"
	if cmp -s "$tmp/nl.sum" "$tmp/en.sum"; then
		bad "$cmd --help: the summary is not translated: $(cat "$tmp/en.sum")"
	fi
done
expect "import --help options" "druk alleen fouten af" "print nothing but errors" \
	import --help
expect "check --help formats" "(standaard)" "(default)" check --help

# --- usage errors and error messages ----------------------------------------------
expect "usage error" "onbekende optie '--bogus'" "unknown option '--bogus'" \
	show --bogus
expect "usage error" "Probeer 'proeftoets show --help'." \
	"Try 'proeftoets show --help'." show --bogus
expect "unknown command" "onbekende opdracht 'bogus'" "unknown command 'bogus'" bogus
expect "error (library)" "kan niet openen" "cannot open" \
	--db "$db" check --rules "$rules" "$tmp/none.xml"
sed 's/rol="wijkteam"/rol="bogus"/' "$TOP_SRCDIR/xml/proeftuinen/noord.xml" \
	>"$tmp/badrole.xml"
expect "design error (library)" "onbekende rol 'bogus'" "unknown role 'bogus'" \
	--db "$db" check --rules "$rules" "$tmp/badrole.xml"

# --- listings --------------------------------------------------------------------
# import: into a registry of its own per locale
LC_ALL=nl_NL.UTF-8 "$PROEFTOETS" --db "$tmp/nl.db" import "$law" >"$tmp/nl.out" 2>&1
LC_ALL=C "$PROEFTOETS" --db "$tmp/en.db" import "$law" >"$tmp/en.out" 2>&1
for want in "toegevoegd BWBR0034925  Jeugdwet, versie 1 januari 2026" \
	"1 toegevoegd, 0 vervangen, 0 ongewijzigd, 0 mislukt"; do
	grep -qF "$want" "$tmp/nl.out" || { bad "import: nl lacks '$want':"; cat "$tmp/nl.out" >&2; }
done
for want in "added     BWBR0034925  Jeugdwet, version 2026-01-01" \
	"1 added, 0 replaced, 0 unchanged, 0 failed"; do
	grep -qF "$want" "$tmp/en.out" || { bad "import: C lacks '$want':"; cat "$tmp/en.out" >&2; }
done
expect "import again" "ongewijzigd BWBR0034925" "unchanged BWBR0034925" \
	--db "$tmp/en.db" import "$law"
"$PROEFTOETS" --db "$db" import -q "$law"
expect "laws" "  1 januari 2026 " "  2026-01-01 " --db "$db" laws
expect "laws" "artikelen" "articles" --db "$db" laws
expect "show" "Jeugdwet (BWBR0034925), versie 1 januari 2026" \
	"Jeugdwet (BWBR0034925), version 2026-01-01" --db "$db" show BWBR0034925 2.3
expect "show, not found" "heeft geen artikel '99.9'" "has no article '99.9'" \
	--db "$db" show BWBR0034925 99.9
expect "proeftuinen, empty" "Geen opgeslagen proeftuinen" "No saved proeftuinen" \
	--db "$db" proeftuinen
"$PROEFTOETS" --db "$db" proeftuin add -q --rules "$rules" \
	"$TOP_SRCDIR/xml/proeftuinen/noord.xml"
expect "proeftuinen" "bevindingen:" "findings:" --db "$db" proeftuinen
expect "proeftuinen" "laatst opgeslagen" "last saved" --db "$db" proeftuinen
expect "review list" "  bevinding: " "  finding: " --db "$db" review list
expect "review list, none" "Geen bevindingen met status rejected" \
	"No findings with status rejected" --db "$db" review list --status rejected
expect "rules stale" "bepalingen genoemd" "provisions cited" \
	--db "$db" rules stale --rules "$rules"
expect "update" "mislukt     BWBR0034925 manifest" "failed    BWBR0034925 manifest" \
	--db "$db" update --base "file://$tmp/nomirror" --retries 0 BWBR0034925
expect "update summary" "0 ingelezen, 0 ongewijzigd, 1 mislukt" \
	"0 imported, 0 unchanged, 1 failed" \
	--db "$db" update --base "file://$tmp/nomirror" --retries 0 BWBR0034925

# --- the bash completion reads the help in the C locale ------------------------
if command -v bash >/dev/null; then
	mkdir "$tmp/bin"
	ln -s "$PROEFTOETS" "$tmp/bin/proeftoets"
	got=$(PATH="$tmp/bin:$PATH" LC_ALL=nl_NL.UTF-8 bash -c '
		. "$1/completion/proeftoets"
		COMP_WORDS=(proeftoets check --f)
		COMP_CWORD=2
		_proeftoets
		printf "%s " "${COMPREPLY[@]}"
	' sh "$TOP_SRCDIR")
	[ "$got" = "--format " ] ||
		bad "completion under nl: 'proeftoets check --f' gives '$got', not '--format'"
fi

# --- a full disk (RLIMIT_FSIZE: no file may grow beyond 64 blocks) ---------------
# The registry already holds a law; importing another one must grow it.
full=$tmp/full.db
"$PROEFTOETS" --db "$full" import -q "$law"
for loc in nl_NL.UTF-8 C; do
	(
		trap '' XFSZ
		ulimit -f 64
		LC_ALL=$loc "$PROEFTOETS" --db "$full" import -q "$TOP_SRCDIR/xml/bwb"
	) >"$tmp/full.$loc" 2>&1 && bad "import on a full disk ($loc) succeeded"
done
grep -q "^proeftoets: $full.*schijf vol" "$tmp/full.nl_NL.UTF-8" ||
	{ bad "full disk, nl: no 'schijf vol' naming the registry:"; cat "$tmp/full.nl_NL.UTF-8" >&2; }
grep -q "^proeftoets: $full.*disk full" "$tmp/full.C" ||
	{ bad "full disk, C: no 'disk full' naming the registry:"; cat "$tmp/full.C" >&2; }

# --- the catalogue ------------------------------------------------------------------
# "N translated messages." and nothing untranslated or fuzzy.
if grep -q 'untranslated\|fuzzy' "$tmp/stats"; then
	bad "po/nl.po: $(cat "$tmp/stats")"
fi
grep -q '^[0-9]* translated messages\.$' "$tmp/stats" ||
	bad "po/nl.po: msgfmt --statistics says: $(cat "$tmp/stats")"
# POTFILES.in lists every source file.
ls "$TOP_SRCDIR"/src/*.c | sed "s|^$TOP_SRCDIR/||" | grep -v '^src/schemas\.c$' |
	sort >"$tmp/sources"
grep -v '^#' "$TOP_SRCDIR/po/POTFILES.in" | sort >"$tmp/potfiles"
cmp -s "$tmp/sources" "$tmp/potfiles" || {
	bad "po/POTFILES.in does not list exactly the files src/*.c:"
	diff "$tmp/potfiles" "$tmp/sources" >&2 || :
}
# The template holds the messages of the sources, the catalogue all of them.
opts=$(sed -n '/^XGETTEXT_OPTIONS/,/[^\\]$/p' "$TOP_SRCDIR/po/Makevars" |
	sed 's/^XGETTEXT_OPTIONS *= *//; s/\\$//' | tr '\n' ' ')
# shellcheck disable=SC2086
(cd "$TOP_SRCDIR" && xgettext --default-domain=proeftoets \
	--files-from=po/POTFILES.in $opts -o "$tmp/fresh.pot")
: >"$tmp/cmp2"
msgcmp --use-untranslated "$tmp/fresh.pot" "$TOP_SRCDIR/po/proeftoets.pot" \
	>"$tmp/cmp1" 2>&1 &&
	msgcmp --use-untranslated "$TOP_SRCDIR/po/proeftoets.pot" "$tmp/fresh.pot" \
		>"$tmp/cmp2" 2>&1 || {
	bad "po/proeftoets.pot differs from the messages of the sources; run 'make update-po' and translate po/nl.po:"
	cat "$tmp/cmp1" "$tmp/cmp2" >&2
}
msgcmp "$TOP_SRCDIR/po/nl.po" "$tmp/fresh.pot" >"$tmp/cmp3" 2>&1 || {
	bad "po/nl.po lacks messages of the sources:"
	cat "$tmp/cmp3" >&2
}

[ $fail -eq 0 ] && echo "i18n: Dutch and English messages, catalogue complete"
exit $fail
