#!/usr/bin/env bash
# The two-server load test at full size: 200 inspectors writing evidence for 60 s through HAProxy
# to two app servers on one PostgreSQL (the fault suite's own, on a loopback port), one server
# killed half way. Figures are printed and appended to test-results/faults.jsonl (BENCHMARKS.md).
# Needs haproxy (apt-get install -y haproxy) and PostgreSQL's server binaries; loopback only.
# Sizes: INSPECTORS=200 SECONDS_OF_LOAD=60 by default.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build --silent
TRIANGULATE_FAULTS_INSPECTORS="${INSPECTORS:-200}" \
TRIANGULATE_FAULTS_LOAD_SECONDS="${SECONDS_OF_LOAD:-60}" \
  npx vitest run --config vitest.faults.config.ts test/faults/two-servers.test.ts
