#!/usr/bin/env bash
# Installs the Debian package into a clean Debian 12 root and uses it there: debootstrap makes
# the root (minbase), apt installs the package with the dependencies it declares, then inside
# the root: bandmate-cli --version, a built-in machine rendered to WAV with the installed kit
# (its RIFF header and size checked), and screenshots of the dashboard taken by the GUI on the
# offscreen platform, in English and with the system set to Spanish and to Norwegian Bokmål.
# Takes several minutes (downloads ~150 MB from the Debian mirror the machine's own apt sources
# name, see debian-mirror.sh; BANDMATE_DEBIAN_MIRROR overrides it); not part of ./test.sh.
# Needs root (debootstrap, chroot).
#
#   packaging/verify-deb.sh [BUILD_DIR]    (default build/dev; builds the package first)
#   BANDMATE_VERIFY_ROOT=DIR keeps the root there to reuse it (default: a temporary folder)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="$(cd "${1:-$here/../build/dev}" && pwd)"
# The mirror this machine's apt already uses (BANDMATE_DEBIAN_MIRROR overrides it).
mirror="$("$here/debian-mirror.sh")"
[[ "$(id -u)" == 0 ]] || { echo "verify-deb.sh: run as root (debootstrap and chroot need it)" >&2; exit 1; }
command -v debootstrap > /dev/null || { echo "verify-deb.sh: apt-get install debootstrap" >&2; exit 1; }

deb="$("$here/check-deb.sh" "$build" | tail -n 1)"
root="${BANDMATE_VERIFY_ROOT:-$(mktemp -d /tmp/bandmate-root.XXXXXX)}"
cleanup() {
  umount -l "$root/proc" 2> /dev/null || true
  [[ -n "${BANDMATE_VERIFY_ROOT:-}" ]] || rm -rf "$root"
}
trap cleanup EXIT
if [[ ! -x "$root/usr/bin/apt-get" ]]; then
  echo "verify-deb.sh: debootstrap bookworm into $root ..."
  debootstrap --variant=minbase bookworm "$root" "$mirror" > "$root.debootstrap.log" 2>&1 \
    || { tail -n 20 "$root.debootstrap.log" >&2; exit 1; }
fi
mount -t proc proc "$root/proc"
cp "$deb" "$root/tmp/bandmate.deb"
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }
in_root apt-get update -qq
# Only what the package declares (Depends; Recommends too, as apt installs them by default).
in_root apt-get install -y -qq /tmp/bandmate.deb > "$root/tmp/apt.log" 2>&1 || { tail -n 30 "$root/tmp/apt.log" >&2; exit 1; }

echo "== bandmate-cli --version"
in_root bandmate-cli --version
echo "== render salsa to WAV"
in_root bandmate-cli --db /tmp/verify.sqlite --json render salsa --out /tmp/salsa.wav --bars 2
head -c 4 "$root/tmp/salsa.wav" | grep -q RIFF || { echo "verify-deb.sh: the WAV file is not RIFF" >&2; exit 1; }
size=$(stat -c %s "$root/tmp/salsa.wav")
(( size > 100000 )) || { echo "verify-deb.sh: the WAV file is only $size bytes" >&2; exit 1; }
echo "== bandmate --screenshot dashboard"
in_root env QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/tmp bandmate --screenshot dashboard /tmp/dashboard.png
head -c 8 "$root/tmp/dashboard.png" | grep -q PNG || { echo "verify-deb.sh: no PNG screenshot" >&2; exit 1; }
cp "$root/tmp/dashboard.png" "$build/packages/verify-dashboard.png"
echo "== the same in the system's language: Spanish, Norwegian Bokmål"
for lang in es_ES nb_NO; do
  in_root env QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/tmp LANG=$lang.UTF-8 \
    bandmate --screenshot dashboard /tmp/dashboard-$lang.png
  ! cmp -s "$root/tmp/dashboard.png" "$root/tmp/dashboard-$lang.png" \
    || { echo "verify-deb.sh: the $lang dashboard looks like the English one" >&2; exit 1; }
  cp "$root/tmp/dashboard-$lang.png" "$build/packages/verify-dashboard-$lang.png"
done
in_root test -f /usr/share/qt6/translations/qtbase_es.qm  # Qt's own, from the Recommends
echo "== man bandmate-server"
in_root test -f /usr/share/man/man1/bandmate-server.1.gz
echo "verify-deb.sh: the package installs and runs in a clean Debian 12 root ($build/packages/verify-dashboard.png)"
