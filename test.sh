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
# JACK keeps at most 8 servers in its shared-memory registry and never frees the entry of one
# that was killed under another name: the live tests' private servers (one name each) would
# then be refused ("Too many servers already active"). With no jackd running, nothing there is
# alive.
if command -v pgrep >/dev/null && ! pgrep -x jackd >/dev/null && ! pgrep -x jackdbus >/dev/null; then
  rm -f /dev/shm/jack-shm-registry /dev/shm/jack-[0-9]* /dev/shm/jack_bandmate-* /dev/shm/jack_sem.*_bandmate-* 2>/dev/null || true
fi
ctest --preset "$preset" "$@"
# Every parser fuzzed for a short, fixed time (tests/fuzz/run.sh): inputs that crashed before
# and new ones fail the run. Only for the whole suite; BANDMATE_FUZZ_SECONDS=0 skips it.
if [ $# -eq 0 ] && [ "${BANDMATE_FUZZ_SECONDS:-20}" != 0 ]; then
  # A fixed seed: the same inputs on every run, so a failure is the change's, not luck's.
  BANDMATE_FUZZ_SEED="${BANDMATE_FUZZ_SEED:-1}" tests/fuzz/run.sh all "${BANDMATE_FUZZ_SECONDS:-20}"
fi
