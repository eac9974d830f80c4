#!/usr/bin/env bash
# Installs Debian's headless Chromium and its driver for the portal's browser tests (Hotspot.Tests/CaptivePortal).
# Idempotent: does nothing when both are already there.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium chromium-driver >/dev/null
/usr/bin/chromedriver --version
