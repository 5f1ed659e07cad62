#!/usr/bin/env bash
# How long the library's own compilation unit takes in a clean release
# build, beside serde_json's unit in the same build: what every service that
# depends on the crate pays on each clean build.
#
#   bench/build_time.sh [--each] [REV]
#
# measures the default features (every provider), and with `--each` then
# each provider alone.
#
# Each build runs in a fresh clone of REV (default HEAD) with an empty target
# directory, as `cargo build --release --lib --timings`; the units' times are
# read from cargo's timing page. On a shared machine the figures move by 10 to
# 20% between runs: compare ratios from the same run, and repeat.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
each=
if [ "${1:-}" = "--each" ]; then
    each=yes
    shift
fi
rev=${1:-HEAD}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

git clone -q "$repo" "$work/clone"
cd "$work/clone"
git checkout -q "$rev"

# Builds with the given cargo arguments, then prints one line:
# LABEL: crate S s, serde_json S s, ratio R.
measure() {
    local label=$1
    shift
    rm -rf target
    cargo build -q --release --lib --timings "$@" 2>/dev/null
    python3 - "$label" target/cargo-timings/cargo-timing.html <<'PY'
import json, re, sys
label, page = sys.argv[1], open(sys.argv[2]).read()
units = json.loads(re.search(r"const UNIT_DATA = (\[.*?\]);", page, re.S).group(1))
# Library units only: build scripts and their runs have a target of their own.
seconds = {u["name"]: u["duration"] for u in units if u.get("target", "").strip() == ""}
ours, theirs = seconds["recording-webhooks"], seconds["serde_json"]
print(f"{label}: crate {ours:.2f} s, serde_json {theirs:.2f} s, ratio {ours / theirs:.2f}")
PY
}

measure "default features"
if [ -n "$each" ]; then
    for provider in recall signalwire twilio daily zoom livekit telnyx; do
        measure "$provider alone" -p recording-webhooks --no-default-features --features "$provider"
    done
fi
