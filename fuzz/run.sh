#!/usr/bin/env bash
# Runs every fuzz target (or the ones named) for SECONDS each, two at a time,
# seeded from fixtures/ and fuzz/seeds/. Needs cargo-fuzz
# (`cargo install cargo-fuzz`); works on the stable toolchain through
# RUSTC_BOOTSTRAP=1, which lets it pass the sanitizer flags it needs.
#
#   fuzz/run.sh 600                      # every target, 10 minutes each
#   fuzz/run.sh 60 recall_event          # one target, one minute
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:?usage: fuzz/run.sh SECONDS [TARGET...]}
shift
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(recall_event daily_event zoom_event livekit_event telnyx_event signalwire_callbacks svix_verify daily_verify signalwire_verify zoom_webhook url_webhook livekit_verify livekit_webhook telnyx_webhook)
fi

# Seed corpora (fuzz/corpus is not committed).
seed() { mkdir -p "corpus/$1"; cp "${@:2}" "corpus/$1/" 2>/dev/null || true; }
seed recall_event ../fixtures/recall/*.json
seed daily_event ../fixtures/daily/*.json
seed zoom_event ../fixtures/zoom/*.json
seed livekit_event ../fixtures/livekit/*.json
seed telnyx_event ../fixtures/telnyx/*.json
seed signalwire_callbacks ../fixtures/signalwire/*.form ../fixtures/twilio/*.form
for target in svix_verify daily_verify signalwire_verify zoom_webhook url_webhook livekit_verify livekit_webhook telnyx_webhook; do seed "$target" seeds/"$target"/*; done

export RUSTC_BOOTSTRAP=1
cargo fuzz build --release
mkdir -p logs
run() {
    cargo fuzz run --release "$1" "corpus/$1" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        >"logs/$1.log" 2>&1
    echo "$1: $(grep -E '^stat::number_of_executed_units' "logs/$1.log" | awk '{print $2}') executions," \
        "$(grep -oE 'cov: [0-9]+' "logs/$1.log" | tail -1)," \
        "$(grep -cE 'ERROR: libFuzzer|panicked' "logs/$1.log" || true) failures"
}
status=0
for ((i = 0; i < ${#targets[@]}; i += 2)); do
    run "${targets[i]}" & first=$!
    if [ $((i + 1)) -lt ${#targets[@]} ]; then run "${targets[i + 1]}" & second=$!; else second=; fi
    wait "$first" || status=1
    if [ -n "$second" ]; then wait "$second" || status=1; fi
done
exit $status
