#!/usr/bin/env bash
# The hot paths as the data grows (issue 26): bench/perf.sh once per size, then a table and a plot.
#
#   bench/sizes.sh                          # 100,000, 1,000,000 and 5,000,000 referrals: about an hour
#   SIZES="100000 1000000" bench/sizes.sh   # the sizes to run (each seeds its own database afresh)
#
# Disk: the 5,000,000 database takes about 40 GB under target/bench/pgdata (each size replaces the one before).
#
# Incidents are seeded at three for every ten referrals, as at perf.sh's default size; the agencies stay 200,
# so a larger network means more referrals per agency, the case that makes an index-less list grow. Every
# perf.sh setting (DURATION, WARMUP, CONNECTIONS, JFR) is passed on; the same-SQL ceilings and the RLS/audit costs
# are left out unless CEILINGS=1 COSTS=1 (they answer other questions, and cost minutes per size). Each size's list
# plans are kept in target/bench/explain-plans-SIZE.txt. Writes target/bench/sizes.md and
# bench/sizes.png, and BENCHMARKS.md's sizes section when WRITE=1.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-100000 1000000 5000000}
built=${BUILT:-0}
for size in $SIZES; do
  echo "=== $size referrals"
  BUILT=$built REFERRALS=$size INCIDENTS=$((size * 3 / 10)) WRITE=0 CEILINGS=${CEILINGS:-0} COSTS=${COSTS:-0} \
    bash bench/perf.sh
  built=1  # the first run's production build serves the others
done
files=()
for size in $SIZES; do files+=("target/bench/results-$size.psv"); done
# Debian's interpreter, the one its python3-matplotlib package installs into (a python3 earlier on the PATH, such
# as pyenv's, would not see it).
/usr/bin/python3 -c 'import matplotlib' 2>/dev/null ||
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-matplotlib >/dev/null; }
/usr/bin/python3 bench/plot_sizes.py bench/sizes.png "${WRITE:-0}" "${files[@]}"
