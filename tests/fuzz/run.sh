#!/usr/bin/env bash
# Builds the libFuzzer targets (the "fuzz" preset: clang 16 with AddressSanitizer and
# UndefinedBehaviorSanitizer) and runs them.
#   tests/fuzz/run.sh                 every target, 30 s each
#   tests/fuzz/run.sh TARGET [SECONDS] one target (machine_xml, roadmap_json, search_query,
#                                      chordpro, setlist_text, sync_changes, render_query)
#   tests/fuzz/run.sh all SECONDS      every target for SECONDS each
# Every input in tests/fuzz/regressions/TARGET/ (crashes found before) runs first and must pass.
# The seed corpus in tests/fuzz/corpus/TARGET is only read; what the run learns goes to
# build/fuzz/corpus/TARGET (kept between runs). A crash leaves its input in build/fuzz/artifacts/
# and the script fails, printing the input's path: add it to regressions/ with the fix.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
targets=(machine_xml roadmap_json search_query chordpro setlist_text sync_changes render_query)
which="${1:-all}"
seconds="${2:-30}"
if [ "$which" != all ]; then
  case " ${targets[*]} " in *" $which "*) targets=("$which") ;; *) echo "run.sh: no such target: $which (${targets[*]})" >&2; exit 2 ;; esac
fi
case "$seconds" in ''|*[!0-9]*) echo "run.sh: SECONDS must be a whole number: $seconds" >&2; exit 2 ;; esac

cd "$root"
export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1
# Quiet unless something fails to build (then everything the build said).
mkdir -p build
[ -f build/fuzz/build.ninja ] || cmake --preset fuzz > build/fuzz-configure.log 2>&1 || { cat build/fuzz-configure.log >&2; exit 1; }
cmake --build --preset fuzz > build/fuzz-build.log 2>&1 || { cat build/fuzz-build.log >&2; exit 1; }

# Leaks are errors; UBSan stops at the first finding.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:allocator_may_return_null=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
mkdir -p build/fuzz/artifacts
status=0
printf '%-14s %10s %9s %7s %7s %s\n' target runs exec/s cov ft result
for target in "${targets[@]}"; do
  binary="build/fuzz/tests/fuzz/bandmate_fuzz_$target"
  learned="build/fuzz/corpus/$target"
  mkdir -p "$learned"
  log="build/fuzz/$target.log"
  # -runs=0 with a folder: each stored input once, then stop (never fuzz without a time limit).
  if [ -d "$here/regressions/$target" ] &&
     ! timeout 300 "$binary" -runs=0 -timeout=10 -rss_limit_mb=2048 "$here/regressions/$target" > "$log.regressions" 2>&1; then
    echo "$target: an input that failed before fails again:" >&2
    tail -40 "$log.regressions" >&2
    status=1
    continue
  fi
  dict=()
  [ -f "$here/$target.dict" ] && dict=("-dict=$here/$target.dict")
  seed=()
  [ -n "${BANDMATE_FUZZ_SEED:-}" ] && seed=("-seed=$BANDMATE_FUZZ_SEED")
  if timeout $((seconds + 120)) "$binary" "$learned" "$here/corpus/$target" "${dict[@]}" "${seed[@]}" -max_total_time="$seconds" \
       -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 -artifact_prefix="build/fuzz/artifacts/$target-" > "$log" 2>&1; then
    result=ok
  else
    result="FAILED: $(grep -m1 -oE 'Test unit written to \S+' "$log" || echo "see $log")"
    tail -40 "$log" >&2  # the finding, its stack and (for small inputs) the input in Base64
    status=1
  fi
  runs="$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo '?')"
  speed="$(grep -oE 'stat::average_exec_per_sec: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo '?')"
  last="$(grep -E '^#[0-9]+' "$log" | tail -1 || true)"
  cov="$(echo "$last" | grep -oE 'cov: [0-9]+' | grep -oE '[0-9]+' || echo '?')"
  ft="$(echo "$last" | grep -oE 'ft: [0-9]+' | grep -oE '[0-9]+' || echo '?')"
  printf '%-14s %10s %9s %7s %7s %s\n' "$target" "$runs" "$speed" "$cov" "$ft" "$result"
done
exit "$status"
