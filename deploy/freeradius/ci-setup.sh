#!/bin/sh
# Installs Debian's FreeRADIUS 3.2 with rlm_rest and the radclient/radtest tools when they are missing.
# Safe to run repeatedly: does nothing when everything is already installed.
set -eu

missing=""
command -v freeradius >/dev/null 2>&1 || missing="$missing freeradius"
[ -e /usr/lib/freeradius/rlm_rest.so ] || missing="$missing freeradius-rest"
command -v radclient >/dev/null 2>&1 || missing="$missing freeradius-utils"

if [ -z "$missing" ]; then
  echo "freeradius, freeradius-rest and freeradius-utils are installed"
  exit 0
fi

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "installing:$missing"
# Another apt run (a parallel set-up step) may hold the locks for a while: wait for it rather than fail.
for attempt in 1 2 3 4 5 6 7 8 9 10; do
  if $SUDO apt-get -o DPkg::Lock::Timeout=120 update -qq; then break; fi
  [ "$attempt" -eq 10 ] && exit 1
  sleep 10
done
DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends \
  freeradius freeradius-rest freeradius-utils
# The packaged service is not needed: tests start their own server with a generated configuration.
if command -v systemctl >/dev/null 2>&1; then $SUDO systemctl disable --now freeradius >/dev/null 2>&1 || true; fi
