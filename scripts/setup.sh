#!/usr/bin/env bash
# Installs everything the project needs on a fresh Debian machine; safe to run again.
#   - Debian packages the tests and the box app need (only those missing are installed)
#   - npm dependencies from package-lock.json (native better-sqlite3 builds from source)
set -euo pipefail
cd "$(dirname "$0")/.."

debs=(ca-certificates)
# Brokers the scale-out tests start on spare ports of their own: Mosquitto (MQTT 5) and a
# 3-node NATS cluster with JetStream (issue 21).
debs+=(mosquitto nats-server)
# The box app's browser tests (issue: stb-app) add chromium and a CJK font here.
if [ -f stb-app/debian-packages.txt ]; then
  while read -r p; do [ -n "$p" ] && [ "${p#\#}" = "$p" ] && debs+=("$p"); done < stb-app/debian-packages.txt
fi

missing=()
for p in "${debs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "setup: Node.js >= 20.19 is required (found $(node -v))" >&2
  exit 1
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund
fi
echo "setup: done"
