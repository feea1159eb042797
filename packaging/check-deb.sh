#!/usr/bin/env bash
# Builds the Debian package from a configured build folder and checks it: the files it holds,
# the dependencies dpkg-shlibdeps computed, the desktop entry (desktop-file-validate), the
# AppStream metadata (appstreamcli validate), the man pages, and that nothing enables the
# server's unit. Run by ctest (Packaging.deb); prints the package's path on success.
#
#   packaging/check-deb.sh BUILD_DIR
set -euo pipefail
build="$(cd "${1:?usage: check-deb.sh BUILD_DIR}" && pwd)"
app_id=org.bandmate.Bandmate
fail() { echo "check-deb.sh: $*" >&2; exit 1; }

cd "$build"
rm -rf packages
# A builder with a strict umask: the package's modes must not depend on it.
umask 027
cpack -G DEB --config "$build/CPackConfig.cmake" > cpack.log 2>&1 || { cat cpack.log >&2; fail "cpack failed"; }
deb="$(ls packages/bandmate_*.deb 2>/dev/null | head -n 1)"
[[ -f "$deb" ]] || fail "no package in $build/packages"

files="$(dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|')"
need=(
  /usr/bin/bandmate /usr/bin/bandmate-cli /usr/bin/bandmate-server
  /usr/share/applications/$app_id.desktop /usr/share/metainfo/$app_id.metainfo.xml
  /usr/share/icons/hicolor/scalable/apps/$app_id.svg
  /usr/share/man/man1/bandmate.1.gz /usr/share/man/man1/bandmate-cli.1.gz /usr/share/man/man1/bandmate-server.1.gz
  /usr/share/bandmate/kits/default/kit.json /usr/share/bandmate/kits/default/LICENSE-FluidR3.txt
  /usr/lib/systemd/system/bandmate-server.service /usr/share/doc/bandmate/examples/nginx.conf
  /usr/share/doc/bandmate/copyright /usr/share/doc/bandmate/CHANGELOG.md /usr/share/doc/bandmate/docs/README.md
  /usr/share/doc/bandmate/docs/server-api.md /usr/share/doc/bandmate/docs/images/beats.png
)
for size in 16 22 24 32 48 64 96 128 256 512; do
  need+=("/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
done
for path in "${need[@]}"; do
  grep -qxF "$path" <<<"$files" || fail "the package lacks $path"
done
# Modes: every folder drwxr-xr-x, nothing writable by group or others, owned by root.
listing="$(dpkg-deb -c "$deb")"
bad_dirs="$(awk '$1 ~ /^d/ && $1 != "drwxr-xr-x" {print $1, $NF}' <<<"$listing")"
[[ -z "$bad_dirs" ]] || fail "folders with other modes than drwxr-xr-x: $(head -n 3 <<<"$bad_dirs" | tr '\n' ' ')"
writable="$(awk 'substr($1, 6, 1) == "w" || substr($1, 9, 1) == "w" {print $1, $NF}' <<<"$listing" | grep -v '^l' || true)"
[[ -z "$writable" ]] || fail "writable by group or others: $(head -n 3 <<<"$writable" | tr '\n' ' ')"
unreadable="$(awk '$1 ~ /^-/ && substr($1, 8, 1) != "r" {print $1, $NF}' <<<"$listing")"
[[ -z "$unreadable" ]] || fail "files others cannot read: $(head -n 3 <<<"$unreadable" | tr '\n' ' ')"
special="$(awk '$1 ~ /[sStT]/ {print $1, $NF}' <<<"$listing")"
[[ -z "$special" ]] || fail "setuid, setgid or sticky bits: $(head -n 3 <<<"$special" | tr '\n' ' ')"
owners="$(awk '$2 != "root/root" {print $2, $NF}' <<<"$listing")"
[[ -z "$owners" ]] || fail "not owned by root: $(head -n 3 <<<"$owners" | tr '\n' ' ')"
if grep -qE '\.wants/|/etc/systemd' <<<"$files"; then
  fail "the package enables a systemd unit (it must be installed disabled)"
fi
if dpkg-deb -I "$deb" | grep -q postinst; then
  dpkg-deb -e "$deb" control
  if grep -q 'systemctl.*enable' control/postinst; then fail "postinst enables the server"; fi
fi
if grep -qE '\.py$|/tests/|\.a$' <<<"$files"; then
  fail "build leftovers in the package: $(grep -E '\.py$|/tests/|\.a$' <<<"$files" | head -n 3 | tr '\n' ' ')"
fi

# Dependencies: computed from the binaries (Qt, libsodium, TagLib, ALSA, ...), plus the
# SQLite driver plugin that no binary links.
depends="$(dpkg-deb -f "$deb" Depends)"
for lib in libc6 libqt6core6 libqt6widgets6 libqt6sql6 libqt6network6 libsodium23 libtag1v5 libasound2 libqt6sql6-sqlite libqt6svg6; do
  grep -qE "(^|, )$lib( |,|$)" <<<"$depends" || fail "Depends lacks $lib: $depends"
done
[[ "$(dpkg-deb -f "$deb" Package)" == bandmate ]] || fail "the package is not called bandmate"
[[ "$(dpkg-deb -f "$deb" Architecture)" == "$(dpkg --print-architecture)" ]] || fail "wrong architecture"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dpkg-deb -x "$deb" "$work"
desktop-file-validate "$work/usr/share/applications/$app_id.desktop" || fail "desktop-file-validate refused the desktop entry"
appstreamcli validate --no-net --explain "$work/usr/share/metainfo/$app_id.metainfo.xml" || fail "appstreamcli refused the metainfo"
for page in bandmate bandmate-cli bandmate-server; do
  zcat "$work/usr/share/man/man1/$page.1.gz" | grep -q "^\.TH" || fail "$page.1 is not a man page"
done
for program in bandmate bandmate-cli bandmate-server; do
  description="$(file "$work/usr/bin/$program")"
  # "not stripped" contains "stripped": look for the word on its own.
  if grep -q "not stripped" <<<"$description" || ! grep -q ", stripped" <<<"$description"; then
    fail "$program is not stripped: $description"
  fi
  # The crash tests' commit hook lives in bandmate-cli-crashtest only (tests/support/CrashAtCommit.cpp).
  if grep -qa "BANDMATE_CRASH_AT_COMMIT" "$work/usr/bin/$program"; then
    fail "$program holds the crash tests' commit hook"
  fi
done
# Every sample the kit names is in the package (a kit.json that names a missing file plays silence).
kit="$work/usr/share/bandmate/kits/default"
missing_samples="$(python3 - "$kit" <<'PY'
import json, os, sys
kit = sys.argv[1]
names = set()
def walk(value):
    if isinstance(value, dict):
        for v in value.values():
            walk(v)
    elif isinstance(value, list):
        for v in value:
            walk(v)
    elif isinstance(value, str) and value.lower().endswith((".wav", ".flac", ".ogg", ".aif", ".aiff")):
        names.add(value)
walk(json.load(open(os.path.join(kit, "kit.json"))))
print("\n".join(sorted(n for n in names if not os.path.isfile(os.path.join(kit, n)))))
PY
)"
[[ -z "$missing_samples" ]] || fail "kit.json names samples the package lacks: $(head -n 3 <<<"$missing_samples" | tr '\n' ' ')"
# The server's unit: sandboxed ("OK" in systemd's own rating, below 2.5 of 10).
unit="$work/usr/lib/systemd/system/bandmate-server.service"
if command -v systemd-analyze > /dev/null && systemd-analyze security --help 2>/dev/null | grep -q -- --offline; then
  exposure="$(systemd-analyze security --offline=true "$unit" 2>/dev/null | sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')"
  [[ -n "$exposure" ]] || fail "systemd-analyze could not rate the server's unit"
  awk -v e="$exposure" 'BEGIN { exit !(e < 2.5) }' || fail "the server's unit is exposed ($exposure of 10, systemd-analyze security): sandbox it"
fi
grep -q -- '--registration ${BANDMATE_REGISTRATION}' "$unit" || fail "the unit hard-codes --registration"
echo "$build/$deb"
