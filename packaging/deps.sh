#!/usr/bin/env bash
# Shared by run.sh and test.sh: installs what Bandmate needs to build and test.
# On Debian/Ubuntu it installs the missing packages listed in packaging/debian-packages.txt
# (as root, or through sudo). Elsewhere it prints what to install and stops.
set -euo pipefail

bandmate_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

bandmate_packages() {
  grep -vE '^\s*(#|$)' "$bandmate_root/packaging/debian-packages.txt"
}

bandmate_missing_packages() {
  local pkg
  for pkg in $(bandmate_packages); do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      echo "$pkg"
    fi
  done
}

bandmate_install_deps() {
  if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    cat >&2 <<'MSG'
Bandmate's scripts install dependencies automatically only on Debian 12 / Ubuntu.
Install these, then run the script again:
  macOS (Homebrew): brew install cmake ninja ccache pkg-config qt@6 qtkeychain juce \
      boost cpp-httplib libsodium taglib xxhash aubio abletonlink googletest google-benchmark flac libvorbis postgresql
  Windows (vcpkg):  vcpkg install qtbase qtcharts qtmultimedia qtsvg qttools qtkeychain-qt6 \
      juce boost-beast boost-asio openssl cpp-httplib libsodium taglib xxhash aubio link gtest benchmark libflac libvorbis libpq
and configure with -DCMAKE_TOOLCHAIN_FILE=<vcpkg>/scripts/buildsystems/vcpkg.cmake.
MSG
    exit 1
  fi
  local missing
  missing="$(bandmate_missing_packages | tr '\n' ' ')"
  [ -z "${missing// /}" ] && return 0
  echo "Installing missing packages: $missing"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo=(sudo)
    else
      echo "Not root and no sudo: install these packages, then run again: $missing" >&2
      exit 1
    fi
  fi
  "${sudo[@]}" apt-get update -qq
  # shellcheck disable=SC2086
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
}

# Configures (once) and builds the given preset; a second call only rebuilds what changed.
bandmate_build() {
  local preset="$1"
  cd "$bandmate_root"
  # Paths relative to the checkout, so a fresh clone elsewhere still hits the compiler cache.
  export CCACHE_BASEDIR="$bandmate_root" CCACHE_NOHASHDIR=1
  if [ ! -f "build/$preset/build.ninja" ]; then
    cmake --preset "$preset"
  fi
  cmake --build --preset "$preset"
}
