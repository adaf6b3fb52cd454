#!/usr/bin/env bash
# Runs the whole ShopFloor test suite: every integration test on SQLite and on a throwaway PostgreSQL cluster.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v initdb >/dev/null || ! command -v pg_ctl >/dev/null; then
  for dir in /usr/lib/postgresql/*/bin; do [ -x "$dir/initdb" ] && export PATH="$dir:$PATH"; done
fi
command -v initdb >/dev/null || { echo "PostgreSQL server binaries (initdb, pg_ctl) are missing: apt-get install postgresql-15" >&2; exit 1; }

# Shopify's official Node libraries are the oracle of the Shopify tests (installed from their lockfile by the tests).
command -v node >/dev/null && command -v npm >/dev/null || { echo "Node.js 20+ and npm are missing (apt-get install nodejs npm)" >&2; exit 1; }

# The browser tests drive Debian's Chromium through Playwright.
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing chromium for the browser tests…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq </dev/null >/dev/null && apt-get install -y -qq --no-install-recommends chromium </dev/null >/dev/null \
    || { echo "Could not install chromium (apt-get install chromium); the browser tests need it" >&2; exit 1; }
fi

# The code's shape is checked like its behaviour: .editorconfig's layout and the .NET analyzers (errors at build).
dotnet format ShopFloor.slnx --verify-no-changes \
  || { echo "dotnet format found code out of shape: run 'dotnet format ShopFloor.slnx' and commit the result" >&2; exit 1; }

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test ShopFloor.slnx --configuration Release 2>&1 | tee "$log" || status=$?

# One closing line for CI, summed over the test assemblies: "N passed, N failed, N skipped".
grep -E '^(Passed|Failed)!' "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\1 \2 \3/' |
  awk '{f+=$1; p+=$2; s+=$3} END {printf "%d passed, %d failed, %d skipped\n", p, f, s}'
exit $status
