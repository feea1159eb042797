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
# Every parser fuzzed for a short, fixed time (tests/fuzz/run.sh): inputs that crashed before
# and new ones fail the run. Only for the whole suite; BANDMATE_FUZZ_SECONDS=0 skips it.
if [ $# -eq 0 ] && [ "${BANDMATE_FUZZ_SECONDS:-20}" != 0 ]; then
  # A fixed seed: the same inputs on every run, so a failure is the change's, not luck's.
  BANDMATE_FUZZ_SEED="${BANDMATE_FUZZ_SEED:-1}" tests/fuzz/run.sh all "${BANDMATE_FUZZ_SECONDS:-20}"
fi
