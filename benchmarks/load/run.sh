#!/usr/bin/env bash
# Load test (issue 8): gunicorn with 4 workers on PostgreSQL, 30,000 seeded people, the campaign-peak
# mix at rising concurrency, then the bare Wagtail page at the same concurrency, on the same server
# in the same run. Only loopback traffic; every step is bounded in time.
#   bash benchmarks/load/run.sh            # full run (seeds a fresh database: ~5 minutes)
#   USERS="50 100" STEADY=30 SKIP_SEED=1 bash benchmarks/load/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=${LOAD_DB:-loadtest}
PORT=${PORT:-8100}
USERS=${USERS:-"25 50 100 150 200"}
STEADY=${STEADY:-60}    # seconds measured after the ramp-up
RAMP=${RAMP:-2}         # new users per second: each logs in once (PBKDF2, ~0.3 s of CPU)
EMPLOYEES=${EMPLOYEES:-30000}
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB"
export DJANGO_SETTINGS_MODULE=benchmarks.load.settings
export SECRET_KEY=${SECRET_KEY:-load-test-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz}
export DB_CONN_MAX_AGE=60
PY=.venv/bin/python
mkdir -p benchmarks/load/results

if [ "${SKIP_SEED:-0}" != "1" ]; then
  psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS \"$DB\"" -c "CREATE DATABASE \"$DB\""
  $PY manage.py migrate --noinput -v0
  $PY manage.py createcachetable
  /usr/bin/time -v $PY manage.py seed_demo --employees "$EMPLOYEES" --seed 1 2> benchmarks/load/results/seed.time
  $PY benchmarks/load/prepare.py --logins 4000
fi
$PY manage.py collectstatic --noinput -v0

.venv/bin/gunicorn config.wsgi -w 4 -b 127.0.0.1:$PORT --access-logfile /dev/null --log-level warning \
  --env DJANGO_SETTINGS_MODULE=benchmarks.load.settings > benchmarks/load/results/gunicorn.log 2>&1 &
GUNICORN=$!
trap 'kill $GUNICORN 2>/dev/null || true' EXIT
for _ in $(seq 1 30); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/dang-nhap/" && break; sleep 1; done

rm -f benchmarks/load/submitted.json
for users in $USERS; do
  rate=$RAMP
  duration=$(( users / RAMP + STEADY ))s
  echo "== our mix, $users users"
  .venv/bin/locust -f benchmarks/load/locustfile.py --headless -u $((users + 1)) -r "$rate" -t "$duration" \
    --host "http://127.0.0.1:$PORT" --csv "benchmarks/load/results/mix-$users" --only-summary Learner Projector \
    > "benchmarks/load/results/mix-$users.log" 2>&1 || true
  echo "== bare Wagtail page, $users users"
  .venv/bin/locust -f benchmarks/load/locustfile.py --headless -u "$users" -r "$rate" -t "$duration" \
    --host "http://127.0.0.1:$PORT" --csv "benchmarks/load/results/base-$users" --only-summary Baseline \
    > "benchmarks/load/results/base-$users.log" 2>&1 || true
done
$PY benchmarks/load/verify.py | tee benchmarks/load/results/verify.txt
$PY benchmarks/load/report.py $USERS | tee benchmarks/load/results/report.md
