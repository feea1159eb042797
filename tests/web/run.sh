#!/usr/bin/env bash
# Browser tests of the server's pages (DESIGN.md section 7): installs playwright-core from the
# lockfile into the build folder (once; npm's registry only, no browser download) and drives
# Debian's Chromium (/usr/bin/chromium) against a real bandmate-server.
# Usage: tests/web/run.sh SERVER_BINARY BUILD_DIR [SCRIPT]   (SCRIPT: fan-vote.mjs by default)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
server="$1"
build="$2"
script="${3:-fan-vote.mjs}"
node_dir="$build/web-node"
mkdir -p "$node_dir"
if ! cmp -s "$here/package-lock.json" "$node_dir/package-lock.json" || [ ! -d "$node_dir/node_modules/playwright-core" ]; then
  cp "$here/package.json" "$here/package-lock.json" "$node_dir/"
  (cd "$node_dir" && npm ci --no-audit --no-fund --loglevel=error)
fi
for tool in node /usr/bin/chromium; do
  command -v "$tool" >/dev/null || { echo "missing: $tool (packaging/debian-packages.txt)" >&2; exit 1; }
done
NODE_MODULES_DIR="$node_dir/node_modules" node "$here/$script" "$server" "$build/web-shots"
