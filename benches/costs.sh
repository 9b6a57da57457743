#!/usr/bin/env bash
# Build-time and binary-size costs of the feature `tencent-cloud-products`.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
T=${ERRCAT_COSTS_DIR:-/tmp/errcat-costs}
rm -rf $T; mkdir -p $T
t() { local s=$(date +%s.%N); "$@" >/dev/null 2>&1; local e=$(date +%s.%N); echo "$e - $s" | bc; }
echo "uptime: $(uptime)"
for name in default products; do
  f=""; [ $name = products ] && f="--features tencent-cloud-products"
  echo "$name clean release build (deps included): $(t cargo build --release --locked --lib $f --target-dir $T/$name) s"
  for i in 1 2; do
    cargo clean -p errcat --release --target-dir $T/$name >/dev/null 2>&1
    echo "$name errcat only (deps built), run $i: $(t cargo build --release --locked --lib $f --target-dir $T/$name) s"
  done
done
for name in cli cli-products; do
  f="--features cli"; [ $name = cli-products ] && f="--features cli,tencent-cloud-products"
  cargo build --release --locked --bin errcat $f --target-dir $T/$name >/dev/null 2>&1
  strip -o $T/errcat-$name $T/$name/release/errcat
  echo "$name: errcat binary $(stat -c %s $T/$name/release/errcat) bytes, stripped $(stat -c %s $T/errcat-$name) bytes"
done
echo "uptime: $(uptime)"
