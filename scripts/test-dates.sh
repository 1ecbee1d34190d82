#!/usr/bin/env bash
# Runs the date-sensitive tests (those that open the demo) as if it were other days: each day of a
# week, 29 February and both changes of the clocks (British Summer Time), under several machine
# time zones. On each run the application's clock (TRIANGULATE_NOW) is set to that instant and,
# when Debian's `faketime` is installed, so is the whole process's clock (Node, and PGlite inside
# it; not a separate PostgreSQL server, so PostgreSQL is left out here).
#
#   scripts/test-dates.sh            every date and zone, the date-sensitive tests
#   scripts/test-dates.sh --quick    a Sunday and 29 February only, a few demo tests (npm test)
#   scripts/test-dates.sh --full     the whole vitest suite once, the machine clock on a Sunday
#                                    and the tests' own fixed clock (nothing may read the real date)
# Extra arguments after the mode are passed to vitest (e.g. a test file).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=all
case "${1:-}" in
  --quick | --full | --all)
    mode=${1#--}
    shift
    ;;
esac

# The tests that open the demo and show or sort by dates.
QUICK=(
  test/integration/web-workbench.test.ts
  test/integration/web-judgements.test.ts
  test/integration/web-audit.test.ts
)
SENSITIVE=(
  test/integration/web-*.test.ts
  test/integration/judgements.test.ts
  test/integration/reports.test.ts
  test/integration/your-work.test.ts
  test/integration/auth.test.ts
  test/integration/analysis-vignettes-meetings.test.ts
  src/clock.test.ts
  src/domain/calendar/format.test.ts
)
# TEST_DATES_FILES="a.test.ts b.test.ts" runs those instead of the date-sensitive set;
# TEST_DATES_WEEK="2027-01-05 ..." runs those days instead of the whole week.
if [ -n "${TEST_DATES_FILES:-}" ]; then read -r -a SENSITIVE <<<"$TEST_DATES_FILES"; fi

have_faketime=0
if command -v faketime >/dev/null 2>&1; then have_faketime=1; fi
unset TEST_DATABASE_URL # PGlite only: a PostgreSQL server keeps its own clock

summary=()
failed=0

# run LABEL INSTANT(UTC, ISO) TZ [SET_APP_CLOCK=1] -- files...
run() {
  local label=$1 instant=$2 zone=$3 app_clock=$4
  shift 4
  local target now offset
  target=$(date -u -d "$instant" +%s)
  now=$(date -u +%s)
  offset=$((target - now))
  local -a env_vars=(TZ="$zone")
  if [ "$app_clock" = 1 ]; then env_vars+=(TRIANGULATE_NOW="$instant"); fi
  # faketime's relative form (+N or -N seconds from now, then the clock runs on) does not depend
  # on the time zone the date string would be read in.
  local -a prefix=()
  if [ "$have_faketime" = 1 ]; then
    if [ "$offset" -ge 0 ]; then prefix=(faketime -f "+${offset}"); else prefix=(faketime -f "${offset}"); fi
  fi
  local seen
  seen=$(env "${env_vars[@]}" "${prefix[@]}" node -e 'console.log(new Date().toString())')
  echo "== $label: machine clock reads \"$seen\"; app clock $([ "$app_clock" = 1 ] && echo "$instant" || echo "the tests' own")"
  local log
  log=$(mktemp)
  if env "${env_vars[@]}" "${prefix[@]}" npx vitest run "$@" >"$log" 2>&1; then
    status=passed
  else
    status=FAILED
    failed=1
    grep -E '×|FAIL' "$log" | head -20 || true
  fi
  local counts
  counts=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^ +Tests ' | tail -1 | sed 's/^ *Tests *//')
  echo "   $status: $counts"
  summary+=("$label | TZ=$zone | $status | $counts")
  rm -f "$log"
}

if [ "$have_faketime" = 0 ]; then
  echo "faketime is not installed (apt-get install faketime): only the application's clock is set."
fi

case "$mode" in
  quick)
    run "Sunday 2027-01-10 10:30 UTC" 2027-01-10T10:30:00Z Pacific/Kiritimati 1 \
      --project integration-pglite "${QUICK[@]}" "$@"
    run "Tuesday 2028-02-29 12:00 UTC" 2028-02-29T12:00:00Z America/Los_Angeles 1 \
      --project integration-pglite "${QUICK[@]}" "$@"
    ;;
  full)
    run "whole suite, machine clock Sunday 2027-01-10 (tests' fixed clock)" \
      2027-01-10T10:30:00Z Europe/London 0 "$@"
    ;;
  all)
    zones=(Europe/London America/Los_Angeles Pacific/Kiritimati)
    i=${TEST_DATES_ZONE_START:-0}
    # A week, Monday to Sunday, mid-morning in England.
    for d in ${TEST_DATES_WEEK:-2027-01-04 2027-01-05 2027-01-06 2027-01-07 2027-01-08 2027-01-09 2027-01-10}; do
      run "$(date -u -d "$d" +%A) $d 10:30 UTC" "${d}T10:30:00Z" "${zones[$((i % 3))]}" 1 \
        --project integration-pglite --project unit "${SENSITIVE[@]}" "$@"
      i=$((i + 1))
    done
    run "29 February 2028 12:00 UTC" 2028-02-29T12:00:00Z Pacific/Kiritimati 1 \
      --project integration-pglite --project unit "${SENSITIVE[@]}" "$@"
    # 00:30 in England on the days the clocks change (GMT to BST at 01:00 UTC on 28 March 2027,
    # BST to GMT at 01:00 UTC on 31 October 2027, i.e. 00:30 BST is 23:30 UTC the day before).
    run "clocks go forward: 2027-03-28 00:30 GMT" 2027-03-28T00:30:00Z America/Los_Angeles 1 \
      --project integration-pglite --project unit "${SENSITIVE[@]}" "$@"
    run "clocks go back: 2027-10-31 00:30 BST" 2027-10-30T23:30:00Z Europe/London 1 \
      --project integration-pglite --project unit "${SENSITIVE[@]}" "$@"
    ;;
esac

echo
echo "== summary"
printf '%s\n' "${summary[@]}"
exit "$failed"
