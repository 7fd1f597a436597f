#!/usr/bin/env bash
# Makes sure the system programs the tests need are present; run by `npm test` before anything else.
# Quiet when everything is there. As root with apt-get, installs what is missing from Debian's
# packages; otherwise exits non-zero and names exactly what to install.
set -euo pipefail

missing_packages=()
missing_reasons=()

# Chromium for the end-to-end tests: Debian's, or the one Playwright downloaded (where it could).
chromium_present() {
  if [ -x /usr/bin/chromium ] && /usr/bin/chromium --version >/dev/null 2>&1; then
    return 0
  fi
  local own
  own=$(node -e "try { process.stdout.write(require('playwright-core').chromium.executablePath()) } catch {}" 2>/dev/null || true)
  [ -n "$own" ] && [ -x "$own" ]
}

chromium_present || { missing_packages+=(chromium); missing_reasons+=("Chromium, for the end-to-end tests"); }

# redis-server for the Redis conformance suite (tests/engine/redis/conformance.test.ts), which
# compares the engine's keyspace with a real server and fails without one.
redis_present() {
  command -v redis-server >/dev/null 2>&1 && redis-server --version >/dev/null 2>&1
}

redis_present || { missing_packages+=(redis-server); missing_reasons+=("redis-server, for the Redis conformance tests and the code labs"); }

# PostgreSQL's server programs for the code labs' tests (tests/labs) and `npm run lab`. Debian keeps
# initdb and pg_ctl off PATH, under /usr/lib/postgresql/<version>/bin: look on PATH first, then there,
# as scripts/lib/labServers.ts does.
postgres_bin() {
  local dir
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
    return 0
  fi
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -rn); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

postgres_present() {
  local dir
  dir=$(postgres_bin) && "$dir/initdb" --version >/dev/null 2>&1 && "$dir/pg_ctl" --version >/dev/null 2>&1
}

postgres_present || { missing_packages+=(postgresql); missing_reasons+=("PostgreSQL (initdb, pg_ctl), for the code labs"); }

[ ${#missing_packages[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-system-deps: installing ${missing_packages[*]} from Debian's packages…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing_packages[@]}" >/dev/null
  chromium_present || { echo "ensure-system-deps: chromium was installed but does not start" >&2; exit 1; }
  redis_present || { echo "ensure-system-deps: redis-server was installed but does not start" >&2; exit 1; }
  postgres_present || { echo "ensure-system-deps: postgresql was installed but initdb/pg_ctl do not run" >&2; exit 1; }
  echo "ensure-system-deps: done."
  exit 0
fi

{
  echo "ensure-system-deps: missing system programs:"
  for reason in "${missing_reasons[@]}"; do echo "  - $reason"; done
  echo "Install them with:  sudo apt-get install ${missing_packages[*]}"
  echo "(or, where downloads work, \`npx playwright install chromium\` for the browser)"
} >&2
exit 1
