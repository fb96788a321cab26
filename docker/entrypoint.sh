#!/usr/bin/env bash
# Starts Payara Micro with the platform once the database answers. Payara deploys the WAR's
# persistence unit by connecting to the database; if it cannot, the application is not deployed
# at all and /health/ready stays DOWN. So wait here, saying so in the log, and give up after
# HOCTAP_DB_WAIT seconds: the container exits and its restart policy tries again.
set -euo pipefail

url="${HOCTAP_DB_URL:-jdbc:mariadb://127.0.0.1:3306/hoctap}"
hostport="${url#*://}"; hostport="${hostport%%/*}"; hostport="${hostport%%\?*}"
host="${hostport%%:*}"; port="3306"
[[ "$hostport" == *:* ]] && port="${hostport##*:}"
wait_s="${HOCTAP_DB_WAIT:-120}"

waited=0
until (exec 3<>"/dev/tcp/${host}/${port}") 2>/dev/null; do
    if (( waited >= wait_s )); then
        echo "[hoctap] DATABASE UNAVAILABLE at ${host}:${port} after ${wait_s} s — không kết nối được cơ sở dữ liệu; exiting so that the container restarts" >&2
        exit 1
    fi
    echo "[hoctap] waiting for the database at ${host}:${port} (${waited}/${wait_s} s) — đang chờ cơ sở dữ liệu" >&2
    sleep 5
    waited=$((waited + 5))
done

# Payara Micro boots what it deployed before (from its root directory) ahead of the WAR it is given:
# forget it, so only this image's build runs.
rm -rf /opt/hoctap/payara/applications /opt/hoctap/payara/generated /opt/hoctap/payara/config/domain.xml

exec java ${JAVA_OPTS:-} -jar payara-micro.jar --deploy hoctap.war --contextroot / --port 8080 \
    --rootdir /opt/hoctap/payara --prebootcommandfile pre-boot-commands.asadmin ${PAYARA_ARGS:-}
