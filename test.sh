#!/usr/bin/env bash
# Builds Bandmate (installing what is missing) and runs the whole test suite through ctest.
# Extra arguments go to ctest, e.g. ./test.sh -R Database
set -euo pipefail
source "$(cd "$(dirname "$0")" && pwd)/packaging/deps.sh"
bandmate_install_deps
preset="${BANDMATE_PRESET:-dev}"
bandmate_build "$preset"
export QT_QPA_PLATFORM=offscreen
cd "$bandmate_root"
ctest --preset "$preset" "$@"
