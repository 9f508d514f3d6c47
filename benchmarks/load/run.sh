#!/usr/bin/env bash
# Load test (issue 8): gunicorn with 4 workers on PostgreSQL, 30,000 seeded people, the campaign-peak
# mix at rising concurrency, then the bare Wagtail page at the same concurrency, on the same server
# in the same run; then both at saturation (no think time) for the throughput ratio; optionally a
# PostgreSQL restart in the middle of a run. Only loopback traffic; every step is bounded in time.
#   bash benchmarks/load/run.sh            # full run (seeds a fresh database: ~6 minutes)
#   USERS="50 100" STEADY=30 SKIP_SEED=1 bash benchmarks/load/run.sh
#   PHASES=restart SKIP_SEED=1 bash benchmarks/load/run.sh   # only the PostgreSQL restart
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=${LOAD_DB:-loadtest}
PORT=${PORT:-8100}
USERS=${USERS:-"25 50 100 150 200"}
STEADY=${STEADY:-60}    # seconds measured once every user is spawned (stats reset then)
RAMP=${RAMP:-2}         # new users per second: each logs in once (PBKDF2, ~0.3 s of CPU)
export THINK=${THINK:-"5-15"}  # seconds between a learner's actions (see docs/benchmarks.md)
CAP_USERS=${CAP_USERS:-8}      # closed-loop users for the saturation (capacity) phase
PHASES=${PHASES:-"levels capacity restart"}
EMPLOYEES=${EMPLOYEES:-30000}
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB"
export DJANGO_SETTINGS_MODULE=benchmarks.load.settings
export SECRET_KEY=${SECRET_KEY:-load-test-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz}
export DB_CONN_MAX_AGE=60
PY=.venv/bin/python
OUT=benchmarks/load/results
mkdir -p $OUT

if [ "${SKIP_SEED:-0}" != "1" ]; then
  psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS \"$DB\"" -c "CREATE DATABASE \"$DB\""
  $PY manage.py migrate --noinput -v0
  $PY manage.py createcachetable
  /usr/bin/time -v $PY manage.py seed_demo --employees "$EMPLOYEES" --seed 1 2> $OUT/seed.time
  $PY benchmarks/load/prepare.py --logins 4000
fi
$PY manage.py collectstatic --noinput -v0

.venv/bin/gunicorn config.wsgi -w 4 -b 127.0.0.1:$PORT --access-logfile /dev/null --log-level warning \
  --env DJANGO_SETTINGS_MODULE=benchmarks.load.settings > $OUT/gunicorn.log 2>&1 &
GUNICORN=$!
trap 'kill $GUNICORN 2>/dev/null || true' EXIT
for _ in $(seq 1 30); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/dang-nhap/" && break; sleep 1; done

# locust <csv name> <users> <seconds> <user classes...>
run_locust() {
  local name=$1 users=$2 seconds=$3; shift 3
  .venv/bin/locust -f benchmarks/load/locustfile.py --headless -u "$users" -r "$RAMP" -t "${seconds}s" \
    --reset-stats --host "http://127.0.0.1:$PORT" --csv "$OUT/$name" --csv-full-history --only-summary "$@" \
    > "$OUT/$name.log" 2>&1 || true
}

rm -f benchmarks/load/submitted.json
phase() { [[ " $PHASES " == *" $1 "* ]]; }
if phase levels; then
  for users in $USERS; do
    duration=$(( users / RAMP + STEADY ))
    echo "== our mix, $users users (think $THINK s)"
    run_locust "mix-$users" $((users + 1)) $duration Learner Projector
    echo "== bare Wagtail page, $users users"
    run_locust "base-$users" "$users" $duration Baseline
  done
fi
if phase capacity; then
  # Closed loop, no think time: what each side serves per second once the server is saturated.
  echo "== capacity: $CAP_USERS users without think time"
  RAMP=$CAP_USERS THINK=0-0 run_locust "cap-mix" $((CAP_USERS + 1)) $((STEADY + 5)) Learner Projector
  RAMP=$CAP_USERS THINK=0-0 run_locust "cap-base" "$CAP_USERS" $((STEADY + 5)) Baseline
fi
if phase restart; then
  # PostgreSQL restarted 40 s into the steady phase of a 50-user run: requests during the outage must
  # fail cleanly (an error page, no hang) and the next ones succeed (per-second history in the CSV).
  users=${RESTART_USERS:-50}
  echo "== PostgreSQL restart during a $users-user run"
  run_locust "restart" $((users + 1)) $(( users / RAMP + 90 )) Learner Projector &
  LOCUST=$!
  sleep $(( users / RAMP + 40 ))
  date -u +%s > $OUT/restart.at
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main restart
  date -u +%s > $OUT/restart.done
  wait $LOCUST
fi
$PY benchmarks/load/verify.py | tee $OUT/verify.txt
$PY benchmarks/load/report.py | tee $OUT/report.md
