#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# install-deps.sh: install the Debian packages proeftoets needs to build and
# test, and only those that are missing.  Run as root (or with sudo).
#   sh build-aux/install-deps.sh          build and test dependencies
#   sh build-aux/install-deps.sh --gates  also the quality-gate tools
#   sh build-aux/install-deps.sh --browser  also Chromium for make e2e
#   sh build-aux/install-deps.sh --office  also LibreOffice for odt-pdf.sh
#                                          and pandoc for md-pandoc.sh
#   sh build-aux/install-deps.sh --package  also what builds and checks the
#                                           Debian package (debian/)
set -eu

pkgs="build-essential autoconf automake pkg-config libxml2-dev libsqlite3-dev libstemmer-dev
nettle-dev libcurl4-openssl-dev check libxml2-utils python3"
# amendments --format xlsx; unzip reads the workbook back in the tests
pkgs="$pkgs libxlsxwriter-dev unzip"
# check and amendments --format odt: the OpenDocument package
pkgs="$pkgs libzip-dev"
# check --format svg: the picture of a design (Graphviz)
pkgs="$pkgs libgraphviz-dev"
# the web workspace: HTTP server, password hashing
pkgs="$pkgs libmicrohttpd-dev libsodium-dev"
# messages in Dutch: gettext and autopoint build po/; the test of the
# catalogue builds nl_NL.UTF-8 with localedef from the locales package
pkgs="$pkgs gettext autopoint locales"
# --browser: headless Chromium for the end-to-end test (make e2e)
case " $* " in *" --browser "*) pkgs="$pkgs chromium" ;; esac
# --office: LibreOffice Writer and pdftotext for build-aux/odt-pdf.sh
case " $* " in *" --office "*) pkgs="$pkgs libreoffice-writer-nogui poppler-utils" ;; esac
# --office: pandoc for build-aux/md-pandoc.sh (the Markdown report to docx)
case " $* " in *" --office "*) pkgs="$pkgs pandoc" ;; esac
# --office: LibreOffice Calc for build-aux/csv-office.sh
case " $* " in *" --office "*) pkgs="$pkgs libreoffice-calc-nogui" ;; esac
# --package: dpkg-buildpackage -us -uc -b, then lintian (debian/control
# lists the build dependencies; bash-completion gives the completions dir)
case " $* " in *" --package "*)
	pkgs="$pkgs debhelper devscripts lintian dpkg-dev fakeroot bash-completion" ;;
esac
case " $* " in *" --gates "*)
	# valgrind; clang with libFuzzer; scan-build; cppcheck; clang-format
	pkgs="$pkgs valgrind clang libclang-rt-14-dev clang-tools cppcheck clang-format" ;;
esac

missing=
for p in $pkgs; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

echo "install-deps: installing$missing" >&2
SUDO=
if [ "$(id -u)" -ne 0 ]; then
	SUDO=sudo
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
