#!/usr/bin/env bash
# Makes the screenshots of the README and the guides anew, from a demo database:
#   docs/images/update.sh [BUILD_DIR]      (default: build/dev; build it first)
# The demo is made-up data (bandmate-cli dev seed-history, which starts a roadmap, and seed-repertoire)
# in a temporary folder; your own database is never touched. Commit the pictures it writes.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="$(cd "${1:-$root/build/dev}" && pwd)"
app="$build/app/bandmate"
cli="$build/app/bandmate-cli"
for program in "$app" "$cli"; do
  [[ -x "$program" ]] || { echo "update.sh: $program is missing: build first (cmake --build --preset dev)" >&2; exit 2; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
db="$work/demo.sqlite"
export QT_QPA_PLATFORM=offscreen LANGUAGE=en LANG=C.UTF-8 XDG_RUNTIME_DIR="$work/runtime"
mkdir -m 0700 "$work/runtime"
"$cli" --db "$db" db migrate > /dev/null
"$cli" --db "$db" dev seed-history --days 180 --seed 7 > /dev/null
"$cli" --db "$db" dev seed-repertoire > /dev/null

out="$root/docs/images"
for page in dashboard roadmap beats library setlists; do
  "$app" --db "$db" --settings "$work/settings.ini" --language en --theme dark \
    --screenshot "$page" "$out/$page.png" --size 1280x800
  echo "wrote docs/images/$page.png"
done
