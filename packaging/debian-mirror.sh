#!/usr/bin/env bash
# Prints the Debian mirror this machine's apt already uses: the first `deb` URI whose suites
# include the running release's own suite (bookworm, not bookworm-security or -updates), read
# the way apt reads its sources: /etc/apt/sources.list (one-line format) first, then
# /etc/apt/sources.list.d/*.list and *.sources (deb822) in name order. Comments, deb-src lines,
# and deb822 entries with "Enabled: no" are skipped; files apt ignores (other endings) too.
# BANDMATE_DEBIAN_MIRROR, when set, wins. Fails with one message when nothing gives a mirror.
#
#   packaging/debian-mirror.sh [APT_DIR [SUITE]]   (defaults: /etc/apt and VERSION_CODENAME
#                                                  from /etc/os-release)
set -euo pipefail
if [[ -n "${BANDMATE_DEBIAN_MIRROR:-}" ]]; then
  echo "$BANDMATE_DEBIAN_MIRROR"
  exit 0
fi
apt_dir="${1:-/etc/apt}"
suite="${2:-}"
if [[ -z "$suite" && -r /etc/os-release ]]; then
  # The running release's suite, on Debian only (another distribution's archive has no bookworm).
  suite="$(. /etc/os-release && [[ "${ID:-}" == debian ]] && echo "${VERSION_CODENAME:-}" || true)"
fi
[[ -n "$suite" ]] || {
  echo "debian-mirror.sh: not a Debian system (ID and VERSION_CODENAME in /etc/os-release); set BANDMATE_DEBIAN_MIRROR" >&2
  exit 1
}

# A mirror debootstrap can use: http, https, ftp or file (not apt's mirror+ or tor+ wrappers).
usable='^(https?|ftp|file):'

# One-line format: "deb [options] URI SUITE COMPONENT...". Carriage returns (a file edited on
# Windows) are dropped.
from_list() {
  awk -v suite="$suite" -v usable="$usable" '
    { sub(/\r$/, ""); sub(/#.*/, "") }
    $1 != "deb" { next }
    {
      i = 2
      if ($i ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
      if ($(i + 1) == suite && $i ~ usable) { print $i; exit }
    }' "$1"
}

# deb822: paragraphs of "Field: value" separated by blank lines; a line that starts with white
# space continues the field before it; comment lines start with "#"; field names are not case
# sensitive; "Enabled" takes apt's yes/no words.
from_sources() {
  awk -v suite="$suite" -v usable="$usable" '
    function has(list, word,   n, i, words) {
      n = split(list, words)
      for (i = 1; i <= n; i++) if (words[i] == word) return 1
      return 0
    }
    function finish(   n, i, uris) {
      if (!done && tolower(f["enabled"]) !~ /^(no|false|off|without|0)$/ && has(f["types"], "deb") && has(f["suites"], suite)) {
        n = split(f["uris"], uris)
        for (i = 1; i <= n; i++) if (uris[i] ~ usable) { print uris[i]; done = 1; exit }
      }
      delete f
      last = ""
    }
    { sub(/\r$/, "") }
    /^#/ { next }
    /^[ \t]*$/ { finish(); next }
    /^[ \t]/ { if (last != "") f[last] = f[last] " " $0; next }
    {
      colon = index($0, ":")
      if (colon == 0) next
      last = tolower(substr($0, 1, colon - 1))
      value = substr($0, colon + 1)
      gsub(/^[ \t]+|[ \t]+$/, "", value)
      f[last] = value
    }
    END { finish() }' "$1"
}

# As apt reads them: sources.list, then sources.list.d in byte order (symbolic links followed;
# names with other characters than letters, digits, "_", "-" and "." or a leading dot ignored).
files=()
[[ -f "$apt_dir/sources.list" ]] && files+=("$apt_dir/sources.list")
if [[ -d "$apt_dir/sources.list.d" ]]; then
  while IFS= read -r -d '' file; do
    [[ "$(basename "$file")" =~ ^[A-Za-z0-9_-][A-Za-z0-9_.-]*$ ]] && files+=("$file")
  done < <(find -L "$apt_dir/sources.list.d" -maxdepth 1 -type f \( -name '*.list' -o -name '*.sources' \) -print0 | LC_ALL=C sort -z)
fi
for file in "${files[@]}"; do
  case "$file" in
    *.sources) uri="$(from_sources "$file")" ;;
    *) uri="$(from_list "$file")" ;;
  esac
  if [[ -n "$uri" ]]; then
    echo "${uri%/}"
    exit 0
  fi
done
echo "debian-mirror.sh: no \"deb\" entry for $suite in $apt_dir/sources.list or $apt_dir/sources.list.d/; set BANDMATE_DEBIAN_MIRROR" >&2
exit 1
