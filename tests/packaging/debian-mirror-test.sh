#!/usr/bin/env bash
# packaging/debian-mirror.sh against apt source files written here: the one-line format, deb822,
# comments, disabled entries, other suites, files apt ignores, the override and the failure.
set -uo pipefail
script="$(cd "$(dirname "$0")/../../packaging" && pwd)/debian-mirror.sh"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
expect() {  # expect NAME WANT APT_DIR [SUITE]
  local name="$1" want="$2"; shift 2
  local got
  got="$(env -u BANDMATE_DEBIAN_MIRROR "$script" "$@" 2> "$work/err")"
  if [[ "$got" != "$want" ]]; then
    echo "FAIL $name: got '$got', want '$want' ($(cat "$work/err"))"; failures=$((failures + 1))
  else
    echo "ok   $name"
  fi
}

# 1. One-line format only, with comments, a commented-out entry, deb-src, options and other suites.
d="$work/list"; mkdir -p "$d"
cat > "$d/sources.list" <<'LIST'
# deb http://commented.example/debian bookworm main
deb-src http://source-only.example/debian bookworm main
deb http://security.example/debian-security bookworm-security main
   deb [arch=amd64 signed-by=/usr/share/keyrings/x.gpg] http://mirror.example/debian/ bookworm main contrib # nearby
deb http://later.example/debian bookworm main
LIST
expect "one-line format" "http://mirror.example/debian" "$d" bookworm

# 2. deb822 only: a disabled entry, a deb-src entry, a security entry, comments inside a
#    paragraph, a continued field, and the wanted one listing two suites and two URIs.
d="$work/deb822"; mkdir -p "$d/sources.list.d"
cat > "$d/sources.list.d/debian.sources" <<'SOURCES'
# Our mirrors
Types: deb
URIs: http://disabled.example/debian
Suites: bookworm
Components: main
Enabled: no

Types: deb-src
URIs: http://source-only.example/debian
Suites: bookworm

Types: deb
URIs: http://security.example/debian-security
Suites: bookworm-security
Components: main

Types: deb deb-src
URIs: http://mirror822.example/debian
 http://second.example/debian
# URIs: http://commented.example/debian
Suites: bookworm-updates
# the release itself: on the next line
 bookworm
Components: main
Signed-By:
 -----BEGIN PGP PUBLIC KEY BLOCK-----
 .
 mQINBGPL0BUBEADmW5NdOOHwPIJlgPu6JDcKw/NZJPR8lsD3K87ZM18gzyQZJD+w
 -----END PGP PUBLIC KEY BLOCK-----
SOURCES
# Files apt ignores, and a later file that must not win.
echo "deb http://ignored.example/debian bookworm main" > "$d/sources.list.d/old.list.disabled"
echo "deb http://zzz.example/debian bookworm main" > "$d/sources.list.d/zzz.list"
expect "deb822 format" "http://mirror822.example/debian" "$d" bookworm

# 3. sources.list is read before sources.list.d, and a file without the suite is passed over.
d="$work/both"; mkdir -p "$d/sources.list.d"
printf 'deb http://other-suite.example/debian trixie main\ndeb http://from-list.example/debian bookworm main\n' > "$d/sources.list"
printf 'Types: deb\nURIs: http://from-d.example/debian\nSuites: bookworm trixie\nComponents: main\n' > "$d/sources.list.d/a.sources"
expect "sources.list before sources.list.d" "http://from-list.example/debian" "$d" bookworm
expect "another suite" "http://other-suite.example/debian" "$d" trixie

# 4. What apt does with odd files: "Enabled: false", Windows line ends, URIs on a continued
#    line, mirror+file wrappers (skipped: debootstrap cannot use them), names apt ignores, byte
#    order of names, and a symbolic link.
d="$work/odd"; mkdir -p "$d/sources.list.d" "$d/real"
printf 'deb http://ignored-space.example/debian bookworm main\n' > "$d/sources.list.d/a b.list"
printf 'deb http://ignored-dot.example/debian bookworm main\n' > "$d/sources.list.d/.hidden.list"
printf 'Types: deb\nURIs: mirror+file:///etc/apt/mirrors/debian.list\nSuites: bookworm\n\nTypes: deb\nURIs: http://off.example/debian\nSuites: bookworm\nEnabled: False\n' \
  > "$d/sources.list.d/A.sources"
printf 'Types: deb\r\nURIs:\r\n http://crlf-continued.example/debian\r\nSuites: bookworm\r\n' > "$d/sources.list.d/B.sources"
expect "odd files" "http://crlf-continued.example/debian" "$d" bookworm
rm "$d/sources.list.d/B.sources"
printf 'deb [ arch=amd64 ] http://linked.example/debian/ bookworm main\n' > "$d/real/target.list"
ln -s ../real/target.list "$d/sources.list.d/b.list"
expect "a symbolic link" "http://linked.example/debian" "$d" bookworm

# 5. Nothing for the suite: one clear message naming the suite and the override, exit 1.
d="$work/none"; mkdir -p "$d/sources.list.d"
echo "# deb http://commented.example/debian bookworm main" > "$d/sources.list"
if env -u BANDMATE_DEBIAN_MIRROR "$script" "$d" bookworm > "$work/out" 2> "$work/err"; then
  echo "FAIL no mirror: succeeded with '$(cat "$work/out")'"; failures=$((failures + 1))
elif [[ "$(wc -l < "$work/err")" != 1 ]] || ! grep -q "bookworm" "$work/err" || ! grep -q BANDMATE_DEBIAN_MIRROR "$work/err"; then
  echo "FAIL no mirror: message was '$(cat "$work/err")'"; failures=$((failures + 1))
else
  echo "ok   no mirror: $(cat "$work/err")"
fi

# 6. The override wins over the files.
got="$(BANDMATE_DEBIAN_MIRROR=http://override.example/debian "$script" "$work/list" bookworm)"
[[ "$got" == "http://override.example/debian" ]] && echo "ok   override" \
  || { echo "FAIL override: got '$got'"; failures=$((failures + 1)); }

(( failures == 0 )) || { echo "$failures failed"; exit 1; }
