#!/usr/bin/env bash
# Builds Bandmate (installing what is missing) and starts the GUI. Extra arguments go to the app.
set -euo pipefail
source "$(cd "$(dirname "$0")" && pwd)/packaging/deps.sh"
bandmate_install_deps
bandmate_build dev
exec "$bandmate_root/build/dev/app/bandmate" "$@"
