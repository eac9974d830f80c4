#!/bin/sh
# Installs the Hotspot FreeRADIUS configuration into a raddb directory (default /etc/freeradius/3.0):
# the rest module, the hotspot site (as the only site) and clients.conf. The process needs these variables:
# HOTSPOT_API_URL, HOTSPOT_RADIUS_SECRET, HOTSPOT_RADIUS_CLIENT_SECRET, HOTSPOT_ROUTER_NETWORK.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
raddb=${1:-/etc/freeradius/3.0}

cp "$here/mods-available/rest" "$raddb/mods-available/rest"
ln -sf ../mods-available/rest "$raddb/mods-enabled/rest"
# EAP is not used by hotspots and needs certificates; leaving it out also starts the server faster.
rm -f "$raddb/mods-enabled/eap"
cp "$here/sites-available/hotspot" "$raddb/sites-available/hotspot"
rm -f "$raddb/sites-enabled/"*
ln -sf ../sites-available/hotspot "$raddb/sites-enabled/hotspot"
cp "$here/clients.conf" "$raddb/clients.conf"
echo "Hotspot FreeRADIUS configuration installed in $raddb"
