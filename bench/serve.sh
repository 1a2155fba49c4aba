#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# serve.sh: how fast does 'proeftoets serve' render a large proeftuin, and
# does it stay correct and flat under a bounded loopback load?
#
# usage: bench/serve.sh             (from a build directory)
#   PROEFTOETS        the binary to measure (default ./proeftoets)
#   SRCDIR            the source tree (default: the parent of this script)
#   BENCH_FINDINGS    findings the large proeftuin should have (default 1000)
#   BENCH_RUNS        renders of its page to time (default 30)
#   LOAD_REQUESTS     requests of the load test (default 20000; 0 = skip)
#   LOAD_CONCURRENCY  concurrent connections (default 16)
#   MIXED_WRITES      decisions posted by each writer during the mixed load
#                     (default 200; 0 = skip it)
#   MIXED_CONCURRENCY readers' connections in the mixed load (default 24: the
#                     server takes 32 from one address, and the web writer
#                     needs one of its own)
#
# Imports xml/bwb into a fresh registry, saves a generated proeftuin with
# at least BENCH_FINDINGS findings (every team runs a child-protection
# measure and gives youth care: 3 barriers and 5 risks per team) and the
# example noord, adds an account, starts the server on a free loopback
# port and signs in.  Then:
#   1. renders /proeftuinen/groot BENCH_RUNS times after one warm-up and
#      prints the median, 90th percentile and maximum time (curl's
#      time_total, over loopback);
#   2. with ab(1) from apache2-utils, LOAD_REQUESTS requests at
#      LOAD_CONCURRENCY to the proeftuin page of noord with the session
#      cookie: requests per second, the 99th percentile, failed and
#      non-2xx answers, and the server's resident memory before and after
#      (and after a second run, to tell a leak from warm caches).
#   3. LOAD_REQUESTS reads at MIXED_CONCURRENCY while three writers each
#      record MIXED_WRITES review decisions, one after the other, on their
#      own finding of noord: the web form, and two `proeftoets review set`
#      processes.  Prints the readers' requests per second, p50 and p99
#      (with ratios of part 2's), the web writer's rate and slowest answer,
#      and whether every acknowledged decision is in the audit log.
# Only 127.0.0.1 is ever contacted.  Not a test: the figures go in README.md.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
src=${SRCDIR:-$here/..}
bin=${PROEFTOETS:-./proeftoets}
want=${BENCH_FINDINGS:-1000}
runs=${BENCH_RUNS:-30}
requests=${LOAD_REQUESTS:-20000}
conc=${LOAD_CONCURRENCY:-16}
writes=${MIXED_WRITES:-200}
mconc=${MIXED_CONCURRENCY:-24}

[ -x "$bin" ] || { echo "$0: no proeftoets binary at '$bin' (set PROEFTOETS)" >&2; exit 1; }
command -v curl >/dev/null || { echo "$0: curl is missing" >&2; exit 1; }
if [ "$requests" -gt 0 ] && ! command -v ab >/dev/null; then
	echo "$0: ab is missing (apt-get install apache2-utils)" >&2
	exit 1
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/proeftoets-serve-XXXXXX")
pid=
cleanup() {
	if [ -n "$pid" ]; then
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT INT TERM

db=$work/reg.db
teams=$(( (want + 7) / 8 ))
awk -v n="$teams" 'BEGIN {
	printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
	printf "<proeftuin id=\"groot\" peildatum=\"2026-07-01\">\n";
	printf "  <naam>Groot regionaal veiligheidsteam</naam>\n";
	printf "  <gemeenten><gemeente>Gemeente A</gemeente></gemeenten>\n";
	printf "  <actoren>\n";
	for (i = 1; i <= n; i++)
		printf "    <actor id=\"rvt-%04d\" rol=\"regionaal-veiligheidsteam\"><naam>Team %d</naam></actor>\n", i, i;
	printf "  </actoren>\n  <taken>\n";
	for (i = 1; i <= n; i++) {
		printf "    <taak id=\"uitvoering-ots\" actor=\"rvt-%04d\"/>\n", i;
		printf "    <taak id=\"jeugdhulp\" actor=\"rvt-%04d\"/>\n", i;
	}
	printf "  </taken>\n</proeftuin>\n";
}' > "$work/groot.xml"

"$bin" --db "$db" import -q "$src/xml/bwb"
"$bin" --db "$db" proeftuin add -q --rules "$src/rules" "$work/groot.xml" \
	"$src/xml/proeftuinen/noord.xml"
echo "bench-wachtwoord" | "$bin" --db "$db" user add bench --role reviewer >/dev/null
"$bin" --db "$db" review list --proeftuin noord --format json |
	sed -n 's/^    "id": "\(.*\)",$/\1/p' | head -3 > "$work/findings"
finding=$(sed -n 1p "$work/findings")
cli1=$(sed -n 2p "$work/findings")
cli2=$(sed -n 3p "$work/findings")

"$bin" --db "$db" serve --listen 127.0.0.1:0 --rules "$src/rules" \
	> "$work/out" 2> "$work/err" &
pid=$!
i=0
while ! grep -q '^listening on ' "$work/out" 2>/dev/null; do
	i=$((i + 1))
	if [ "$i" -gt 100 ]; then
		echo "$0: the server did not start:" >&2
		cat "$work/err" >&2
		exit 1
	fi
	sleep 0.1
done
url=$(sed -n 's/^listening on //p' "$work/out")
url=${url%/}
# As a browser signs in: the sign-in page first, for its nonce cookie and
# form token.
curl -s -o "$work/login" -c "$work/jar" "$url/login"
csrf=$(sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' "$work/login")
curl -s -o "$work/body" -b "$work/jar" -c "$work/jar" \
	-d "csrf=$csrf&user=bench&password=bench-wachtwoord" "$url/login"
token=$(awk '$6 == "pt_sessie" { print $7 }' "$work/jar")
[ -n "$token" ] || { echo "$0: cannot sign in" >&2; exit 1; }

findings=$(curl -s -b "pt_sessie=$token" "$url/api/proeftuinen" |
	awk -F': ' '/"id": "groot"/ { g = 1 } g && /"barriers"|"risks"/ { sub(/,/, "", $2); n += $2 } g && /"review"/ { print n; exit }')
bytes=$(curl -s -b "pt_sessie=$token" -o "$work/body" -w '%{size_download}' "$url/proeftuinen/groot")
i=0
: > "$work/times"
while [ "$i" -lt "$runs" ]; do
	curl -s -b "pt_sessie=$token" -o "$work/body" -w '%{http_code} %{time_total}\n' \
		"$url/proeftuinen/groot" >> "$work/times"
	i=$((i + 1))
done
if grep -qv '^200 ' "$work/times"; then
	echo "$0: a render failed:" >&2
	grep -v '^200 ' "$work/times" >&2
	exit 1
fi
echo "proeftuin page: $findings findings, $bytes bytes, $runs renders"
awk '{ print $2 * 1000 }' "$work/times" | sort -n | awk '
	{ v[NR] = $1 }
	END {
		printf "  median %.1f ms, p90 %.1f ms, max %.1f ms\n",
		    v[int((NR + 1) / 2)], v[int(NR * 0.9 + 0.5)], v[NR]
	}'

rss() { awk '/^VmRSS/ { print $2 }' "/proc/$pid/status"; }
if [ "$requests" -gt 0 ]; then
	rss0=$(rss)
	for round in 1 2; do
		ab -q -n "$requests" -c "$conc" -C "pt_sessie=$token" \
			"$url/proeftuinen/noord" > "$work/ab$round" 2>&1 || {
			cat "$work/ab$round" >&2
			exit 1
		}
		eval "rss$round=\$(rss)"
	done
	awk -v n="$requests" -v c="$conc" '
		/^Requests per second/ { rps = $4 }
		/^Failed requests/ { failed = $3 }
		/^Non-2xx responses/ { non2xx = $3 }
		/^ +99%/ { p99 = $2 }
		END {
			printf "load: %d requests at concurrency %d to /proeftuinen/noord\n", n, c;
			printf "  %s requests/s, p99 %s ms, failed %d, non-2xx %d\n",
			    rps, p99, failed, non2xx + 0
		}' "$work/ab1"
	echo "  server RSS: $rss0 kB before, $rss1 kB after, $rss2 kB after a second run"
	if ! grep -q '^Failed requests: *0$' "$work/ab1" ||
	    grep -q '^Non-2xx responses' "$work/ab1"; then
		echo "$0: errors under load" >&2
		exit 1
	fi
fi
if [ "$requests" -gt 0 ] && [ "$writes" -gt 0 ]; then
	# The writer: the form token from the finding page, then one decision
	# after the other, alternating two statuses so that each is a change.
	fpath="/findings/$(printf '%s' "$finding" | sed 's/>/%3E/g')"
	csrf=$(curl -s -b "pt_sessie=$token" "$url$fpath" |
		sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
	[ -n "$csrf" ] || { echo "$0: no review form on $fpath" >&2; exit 1; }
	logged() { "$bin" --db "$db" review log "$1" | grep -c ' -> ' || true; }
	before=$(logged "$finding")
	before1=$(logged "$cli1")
	before2=$(logged "$cli2")
	ab -q -n "$requests" -c "$mconc" -C "pt_sessie=$token" \
		"$url/proeftuinen/noord" > "$work/ab3" 2>&1 &
	readers=$!
	(
		i=0
		while [ "$i" -lt "$writes" ]; do
			if [ $((i % 2)) -eq 0 ]; then st=confirmed; else st=open; fi
			curl -s -b "pt_sessie=$token" -H "Origin: $url" \
				-o "$work/wbody" -w '%{http_code} %{time_total}\n' \
				-d "csrf=$csrf&status=$st&note=bench+$i" \
				"$url$fpath/review"
			i=$((i + 1))
		done
	) > "$work/writes" 2>&1 &
	writer=$!
	wstart=$(date +%s.%N)
	# Two command-line writers beside the web form, each on its own
	# finding; a line per decision the command acknowledged (exit 0).
	for k in 1 2; do
		eval "f=\$cli$k"
		(
			i=0
			while [ "$i" -lt "$writes" ]; do
				if [ $((i % 2)) -eq 0 ]; then st=confirmed; else st=open; fi
				if "$bin" --db "$db" review set "$f" "$st" --by "cli-$k" \
				    --note "bench $i" >/dev/null 2>>"$work/cli$k.err"; then
					echo ok
				fi
				i=$((i + 1))
			done
		) > "$work/cli$k" &
		eval "cliw$k=\$!"
	done
	wait "$writer"
	wend=$(date +%s.%N)
	wait "$cliw1"
	wait "$cliw2"
	wait "$readers" || { cat "$work/ab3" >&2; exit 1; }
	after=$(logged "$finding")
	acked=$(grep -c '^303 ' "$work/writes" || true)
	cliacked=$(( $(grep -c '^ok$' "$work/cli1" || true) + $(grep -c '^ok$' "$work/cli2" || true) ))
	clilogged=$(( $(logged "$cli1") - before1 + $(logged "$cli2") - before2 ))
	awk -v n="$requests" -v c="$mconc" -v w="$writes" -v acked="$acked" \
	    -v logged=$((after - before)) -v t0="$wstart" -v t1="$wend" \
	    -v cliacked="$cliacked" -v clilogged="$clilogged" '
		FNR == 1 { f++ }
		f == 1 && /^ +50%/ { a50 = $2 } f == 1 && /^ +99%/ { a99 = $2 }
		f == 2 && /^ +50%/ { m50 = $2 } f == 2 && /^ +99%/ { m99 = $2 }
		# A page shows the decision just made, so its length varies:
		# only connect, receive and exception failures count here.
		f == 2 && /^ +\(Connect:/ {
			gsub(/[(),]/, " ");
			failed = $2 + $4 + $8
		}
		f == 2 && /^Non-2xx responses/ { non2xx = $3 }
		f == 2 && /^Requests per second/ { rps = $4 }
		f == 3 { if ($2 > wmax) wmax = $2 }
		END {
			printf "mixed: %d reads at concurrency %d while 3 writers record %d decisions each\n", n, c, w;
			printf "  readers: %s requests/s, p50 %s ms (%.2fx part 2), p99 %s ms (%.2fx part 2), failed %d, non-2xx %d\n",
			    rps, m50, m50 / (a50 > 0 ? a50 : 1), m99, m99 / (a99 > 0 ? a99 : 1),
			    failed, non2xx + 0
			printf "  web writer: %.1f decisions/s, slowest %.0f ms; %d acknowledged, %d in the log\n",
			    w / (t1 - t0), wmax * 1000, acked, logged
			printf "  command-line writers: %d acknowledged, %d in the log\n",
			    cliacked, clilogged
		}' "$work/ab1" "$work/ab3" "$work/writes"
	if [ "$acked" -ne "$writes" ] || [ "$((after - before))" -ne "$acked" ] ||
	    [ "$clilogged" -ne "$cliacked" ]; then
		echo "$0: a decision was refused or lost under load:" >&2
		grep -v '^303 ' "$work/writes" | head -5 >&2
		exit 1
	fi
	if grep -q '^Non-2xx responses' "$work/ab3" ||
	    grep -Eq '^ +\(Connect: [1-9]|Receive: [1-9]|Exceptions: [1-9]' "$work/ab3"; then
		echo "$0: reader errors under the mixed load" >&2
		exit 1
	fi
fi
kill -TERM "$pid"
wait "$pid"
pid=
grep -q '^stopped$' "$work/out" || { echo "$0: no clean stop" >&2; exit 1; }
