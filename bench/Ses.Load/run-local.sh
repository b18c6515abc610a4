#!/bin/bash
# Issuing load as recorded in docs/benchmarks.md: the Release service on a fresh SQLite file in a temporary folder,
# a warm-up run, then the measured run, both with 8 concurrent issuers (CONCURRENCY=n for another number).
#   bench/Ses.Load/run-local.sh [measured seconds, default 60] [warm-up seconds, default 60] [extra environment, e.g. Database__SqliteSynchronous=normal]
# Build first: dotnet build -c Release src/Ses.Service && dotnet build -c Release bench/Ses.Load
# With TRACE=/path/name.nettrace the measured run is also sampled by dotnet-trace (dotnet tool install -g dotnet-trace),
# written as a speedscope file beside it: where the service's CPU goes under load.
set -u
cd "$(dirname "$0")/../.."
seconds=${1:-60}
warm=${2:-60}
folder=$(mktemp -d /tmp/ses-load-XXXXXX)
env "${@:3}" ASPNETCORE_ENVIRONMENT=Development Urls=http://127.0.0.1:5090 Logging__LogLevel__Default=Warning \
  Signing__DevelopmentCertificatesPath="$folder/certs" Database__ConnectionString="Data Source=$folder/ses.db" Database__FilesPath="$folder/files" \
  dotnet src/Ses.Service/bin/Release/net10.0/ses.dll > "$folder/service.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$folder"' EXIT
for _ in $(seq 60); do
  grep -q "承办人" "$folder/service.log" 2>/dev/null && curl -sf http://127.0.0.1:5090/health > /dev/null && break
  sleep 1
done
# The development seed prints the officer's one-time password at start.
password=$(grep "承办人" "$folder/service.log" | awk '{print $NF}')
load() { dotnet bench/Ses.Load/bin/Release/net10.0/Ses.Load.dll --url http://127.0.0.1:5090 --user xibei_officer --password "$password" --concurrency ${CONCURRENCY:-8} --pid $pid --seconds "$1"; }
echo "warm-up:"; load "$warm"
echo "measured:"
if [ -n "${TRACE:-}" ]; then
  ~/.dotnet/tools/dotnet-trace collect -p $pid --format speedscope -o "$TRACE" --duration "00:00:00:$(printf %02d "$seconds")" > "$folder/trace.log" 2>&1 &
  tracer=$!
fi
load "$seconds"
[ -n "${TRACE:-}" ] && wait $tracer
