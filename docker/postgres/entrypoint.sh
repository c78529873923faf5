#!/bin/bash
# First start: a cluster with SCRAM passwords, the MailGate user and its databases. Every start:
# any database of POSTGRES_DATABASES still missing is created, then PostgreSQL runs in the foreground.
set -euo pipefail
: "${POSTGRES_USER:=mailgate}"
: "${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}"
: "${POSTGRES_DATABASES:=mailgate}"

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  pwfile=$(mktemp)
  trap 'rm -f "$pwfile"' EXIT
  printf '%s' "$POSTGRES_PASSWORD" >"$pwfile"
  initdb --username="$POSTGRES_USER" --pwfile="$pwfile" --auth=scram-sha-256 --encoding=UTF8 \
    --locale=C.UTF-8 -D "$PGDATA" >/dev/null
  rm -f "$pwfile"
  printf '%s\n' "listen_addresses = '*'" "password_encryption = scram-sha-256" >>"$PGDATA/postgresql.conf"
  printf '%s\n' 'host all all 0.0.0.0/0 scram-sha-256' 'host all all ::/0 scram-sha-256' >>"$PGDATA/pg_hba.conf"
fi

# Local socket only while the databases are made; then the server that listens on the network.
pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start >/dev/null
export PGPASSWORD="$POSTGRES_PASSWORD"
for db in ${POSTGRES_DATABASES//,/ }; do
  [[ "$db" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "not a database name: $db" >&2; exit 1; }
  psql -U "$POSTGRES_USER" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 \
    || psql -U "$POSTGRES_USER" -d postgres -qc "CREATE DATABASE $db"
done
unset PGPASSWORD
pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
exec postgres -D "$PGDATA"
