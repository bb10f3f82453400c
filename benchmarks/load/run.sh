#!/usr/bin/env bash
# The load test of issue 15, item 8: gunicorn with several workers as in production, on loopback only, and
# locust from a second process. Run as root or as the bench's owner.
#
# The site's host_name must be answered by another server while it runs, as nginx answers /assets in
# production (e.g. `bench serve` on host_name's port): wkhtmltopdf loads each print's stylesheet from there,
# and pointed at these gunicorn workers it waits on a worker that is itself waiting for the PDF.
#
#   benchmarks/load/run.sh [SITE] [USERS] [DURATION]        (defaults: conc.localhost 30 5m)
#
# Environment: CITI_BENCH (default /home/frappe/frappe-bench), LOAD_PORT (8012), LOAD_WORKERS (4),
# LOCUST (the locust command; default /work/tools/loadvenv/bin/locust), LOAD_RUN_DIR (/tmp/citi-load-<time>).
# Prints locust's table, the p50/p95 per request kind (as benchmarks/RESULTS.md shows them) and the
# write check; exits 1 on any 5xx, failed request or lost write.
set -euo pipefail

site="${1:-conc.localhost}"
users="${2:-30}"
duration="${3:-5m}"
BENCH="${CITI_BENCH:-/home/frappe/frappe-bench}"
port="${LOAD_PORT:-8012}"
workers="${LOAD_WORKERS:-4}"
locust="${LOCUST:-/work/tools/loadvenv/bin/locust}"
run_dir="${LOAD_RUN_DIR:-/tmp/citi-load-$(date +%Y%m%d-%H%M%S)}"
here="$(cd "$(dirname "$0")" && pwd)"
owner="$(stat -c %U "$BENCH")"

as_owner() {
	if [[ "$(id -un)" == "$owner" ]]; then
		bash -c "$1"
	else
		su -s /bin/bash -c "$1" -- "$owner"
	fi
}

mkdir -p "$run_dir"
chmod 777 "$run_dir"
echo "run directory: $run_dir"
as_owner "cd '$BENCH/sites' && ../env/bin/python '$here/prepare.py' '$site' '$run_dir'" 2>"$run_dir/prepare.err"

as_owner "cd '$BENCH/sites' && exec ../env/bin/gunicorn -b 127.0.0.1:$port -w $workers -t 120 --preload frappe.app:application" \
	>"$run_dir/gunicorn.log" 2>&1 &
server=$!
stop_server() {
	pkill -TERM -P "$server" 2>/dev/null || true
	kill "$server" 2>/dev/null || true
	wait "$server" 2>/dev/null || true
}
trap stop_server EXIT
for _ in $(seq 1 120); do
	curl -fs -H "Host: $site" "http://127.0.0.1:$port/api/method/ping" >/dev/null && break
	sleep 1
done

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
set +e
LOAD_RUN_DIR="$run_dir" "$locust" -f "$here/locustfile.py" --headless -u "$users" -r 5 -t "$duration" \
	--host "http://127.0.0.1:$port" --csv "$run_dir/locust" --only-summary >"$run_dir/locust.log" 2>&1
locust_status=$?
set -e
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
sed -n '/Type     Name/,$p' "$run_dir/locust.log" | head -40
python3 "$here/summarise.py" "$run_dir/locust_stats.csv"
set +e
as_owner "cd '$BENCH/sites' && ../env/bin/python '$here/check_writes.py' '$run_dir'" 2>>"$run_dir/check.err"
check_status=$?
set -e
task_errors=$(grep -c "ERROR/locust.user.task" "$run_dir/locust.log" || true)
echo "errors raised inside the simulated users' tasks: $task_errors"
exit $((locust_status || check_status || task_errors))
