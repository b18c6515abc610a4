#!/bin/bash
# Issuing load through nginx (deploy/nginx/ses.conf) in front of 1 or 3 Release instances on one PostgreSQL database,
# as recorded in docs/benchmarks.md: a warm-up run, then the measured run, both with 8 concurrent issuers.
#   bench/Ses.Load/run-nginx.sh [instances, default 3] [measured seconds, default 60] [warm-up seconds, default 30]
# Needs nginx and PostgreSQL with the role .ci/run creates (or SES_BENCH_PG="host=… user=… password=…" for psql and
# SES_BENCH_NPGSQL="Host=…;Username=…;Password=…" for the service). Build first:
#   dotnet build -c Release src/Ses.Service && dotnet build -c Release bench/Ses.Load
set -u
cd "$(dirname "$0")/../.."
n=${1:-3}
seconds=${2:-60}
warm=${3:-30}
folder=$(mktemp -d /tmp/ses-nginx-load-XXXXXX)
pg=${SES_BENCH_PG:-"host=127.0.0.1 user=ses_ci password=ses-ci-only"}
npgsql=${SES_BENCH_NPGSQL:-"Host=127.0.0.1;Username=ses_ci;Password=ses-ci-only"}
db="ses_bench_$$"
psql "$pg dbname=postgres" -qc "CREATE DATABASE $db" || exit 2
pids=()
cleanup() {
  [ -f "$folder/nginx.pid" ] && kill "$(cat "$folder/nginx.pid")" 2>/dev/null
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
  sleep 1
  psql "$pg dbname=postgres" -qc "DROP DATABASE IF EXISTS $db"
  rm -rf "$folder"
}
trap cleanup EXIT
start() {
  env ASPNETCORE_ENVIRONMENT=Development Urls="http://127.0.0.1:$1" Logging__LogLevel__Default=Warning Logging__Json=false \
    Database__Provider=postgres Database__ConnectionString="$npgsql;Database=$db" Development__SampleConsentLetter=false \
    Signing__DevelopmentCertificatesPath="$folder/certs" \
    dotnet src/Ses.Service/bin/Release/net10.0/ses.dll > "$folder/service-$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 90); do curl -sf "http://127.0.0.1:$1/health/ready" > /dev/null && return 0; sleep 1; done
  echo "instance on port $1 did not become ready"; cat "$folder/service-$1.log"; exit 2
}
# The first migrates and seeds alone; the others start after it.
start 5101
for i in $(seq 2 "$n"); do start $((5100 + i)); done
sed -e "s/listen 80;/listen 127.0.0.1:5100;/" deploy/nginx/ses.conf > "$folder/ses.conf.in"
# Keep only the upstream servers that run.
awk -v n="$n" '/server 127.0.0.1:508[1-3]/ { k++; if (k > n) next; sub(/508[1-3]/, 5100 + k) } { print }' "$folder/ses.conf.in" > "$folder/ses.conf"
for t in body proxy fastcgi uwsgi scgi; do mkdir -p "$folder/$t"; done
cat > "$folder/nginx.conf" <<CONF
daemon on;
worker_processes 1;
pid $folder/nginx.pid;
error_log $folder/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $folder/body; proxy_temp_path $folder/proxy; fastcgi_temp_path $folder/fastcgi;
    uwsgi_temp_path $folder/uwsgi; scgi_temp_path $folder/scgi;
    include $folder/ses.conf;
}
CONF
nginx -p "$folder" -e "$folder/error.log" -c "$folder/nginx.conf" || exit 2
password=$(grep "承办人" "$folder/service-5101.log" | awk '{print $NF}')
load() { dotnet bench/Ses.Load/bin/Release/net10.0/Ses.Load.dll --url http://127.0.0.1:5100 --user xibei_officer --password "$password" --concurrency 8 --pid "${pids[0]}" --seconds "$1"; }
echo "instances: $n (CPU and RSS: the first instance only)"
echo "warm-up:"; load "$warm"
echo "measured:"; load "$seconds"
