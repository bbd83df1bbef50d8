#!/usr/bin/env bash
# Builds the libFuzzer binary (with the address sanitizer) and fuzzes one target.
#
#   Fuzz/run.sh TARGET [SECONDS]     TARGET: syntax, actions, framing or server; default 60 s
#
# Seeds come from the rule fixtures and examples (actions: every action string in
# them; server: framed requests over those files). The growing corpus lives in
# Fuzz/Corpus/TARGET (not committed); a crash or a broken invariant leaves its
# input in Fuzz/Findings/TARGET: copy it to Fuzz/Regressions/TARGET once fixed,
# and `swift test` replays it from then on (Tests/InvariantsTests).
# Leak detection is off: the lazily built catalogues (static lets) live until
# exit, which LeakSanitizer reports as leaks; a real per-input leak still shows
# as growing memory and trips -rss_limit_mb.
set -euo pipefail
cd "$(dirname "$0")"
target=${1:?usage: Fuzz/run.sh syntax|actions|framing|server [seconds]}
seconds=${2:-60}

swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing 2>&1 | grep -Ev "^/usr/bin/ld.gold: warning" | tail -3
binary=$(swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing --show-bin-path)/cekura-fuzz

corpus=Corpus/$target
findings=Findings/$target
mkdir -p "$corpus" "$findings"
python3 seeds.py "$target" "$corpus"
log=$(mktemp)
status=0
ASAN_OPTIONS=detect_leaks=0 CEKURA_FUZZ_TARGET=$target "$binary" "$corpus" Regressions/"$target" \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -detect_leaks=0 -artifact_prefix="$findings/" >"$log" 2>&1 || status=$?
grep -Ev "^#[0-9]+.*(NEW|REDUCE|pulse)|^/usr/bin/ld" "$log" | tail -25
rm -f "$log"
# A crash or a broken invariant fails the run (and CI).
exit "$status"
