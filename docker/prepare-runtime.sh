#!/usr/bin/env bash
# Runtime stage of every service image: curl for the health check, an unprivileged user, the Streams state directory.
set -euo pipefail
apt-get update
apt-get install -y --no-install-recommends curl
rm -rf /var/lib/apt/lists/*
useradd --system --uid 10001 vigil
mkdir -p /var/lib/vigil/state
chown vigil /var/lib/vigil/state
