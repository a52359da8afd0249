# shellcheck shell=bash
# PostgreSQL: use the server on 127.0.0.1:5432 if one answers; otherwise start (or install and
# start) Debian's cluster, and remember that ./platform started it so only then `down` stops it.
# One role and one database per service, created idempotently through the local socket.
PG_STARTED="$RUN/postgresql.started-by-platform"

pg_answers() {
  if command -v pg_isready >/dev/null; then pg_isready -q -h 127.0.0.1 -p 5432; else port_open 5432; fi
}

# psql as the postgres superuser over the local socket
pg_admin() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- psql "$@"
  elif [ "$(id -un)" = postgres ]; then psql "$@"
  else sudo -n -u postgres psql "$@"; fi
}

postgres_up() {
  local version start
  if pg_answers; then
    if [ -f "$PG_STARTED" ]; then say "postgresql: already running (started by ./platform)"
    else say "postgresql: using the server on 127.0.0.1:5432"; fi
  else
    if ! command -v pg_ctlcluster >/dev/null; then
      say "postgresql: not installed; installing Debian's postgresql (apt-get)"
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) \
          >"$LOGS/postgresql-install.log" 2>&1 \
        || { show_log postgresql-install; die "could not install postgresql (needs root and the Debian mirror)"; }
    fi
    version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)
    if [ -z "$version" ]; then
      version=$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -1)
      [ -n "$version" ] || die "postgresql is installed but no server version found under /usr/lib/postgresql"
      say "postgresql: creating cluster $version/main"
      pg_createcluster "$version" main >"$LOGS/postgresql-install.log" 2>&1 \
        || { show_log postgresql-install; die "pg_createcluster $version main failed"; }
    fi
    if ! pg_answers; then
      say "postgresql: starting cluster $version/main"
      pg_ctlcluster --skip-systemctl-redirect "$version" main start \
        || die "pg_ctlcluster --skip-systemctl-redirect $version main start failed (see /var/log/postgresql/)"
      echo "$version" >"$PG_STARTED"
    fi
    start=$SECONDS
    until pg_answers; do
      (( SECONDS - start < 30 )) || die "postgresql did not answer on 127.0.0.1:5432 within 30 s (see /var/log/postgresql/)"
      sleep 0.5
    done
  fi
  postgres_roles
}

# role = database = password = the service's database name (local only); CREATEDB so tests can
# make their per-run databases as that role
postgres_roles() {
  local name port db _
  while read -r name port db _; do
    [ -n "$db" ] || continue
    pg_admin -q -X -v ON_ERROR_STOP=1 -v db="$db" -d postgres >/dev/null 2>"$LOGS/postgresql-roles.log" <<'SQL' \
      || { show_log postgresql-roles; die "could not create role/database $db"; }
select format('create role %I', :'db') where not exists (select 1 from pg_roles where rolname = :'db') \gexec
alter role :"db" with login createdb password :'db';
select format('create database %I owner %I', :'db', :'db')
 where not exists (select 1 from pg_database where datname = :'db') \gexec
SQL
  done < <(services)
  postgres_extensions
}

# deploy/local/database-extensions: "database extension" lines. Debian's package is installed when
# the server lacks the extension (PostGIS: postgresql-MAJOR-postgis-3); the extension is created in
# the database and in DATABASE_template, a template database per-run test databases are made from
# (a service's role may create a database from a template, not the extension itself)
postgres_extensions() {
  local file="$ROOT/deploy/local/database-extensions" db extension major
  [ -f "$file" ] || return 0
  while read -r db extension _; do
    [[ -z "$db" || "$db" == \#* ]] && continue
    if [ "$(pg_admin -tA -X -d postgres -c "select count(*) from pg_available_extensions where name = '$extension'")" != 1 ]; then
      major=$(pg_admin -tA -X -d postgres -c "show server_version_num" | cut -c1-2)
      [ "$extension" = postgis ] || die "PostgreSQL lacks the extension $extension (deploy/local/database-extensions)"
      say "postgresql: installing PostGIS (apt-get install postgresql-$major-postgis-3)"
      (DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-$major-postgis-3" \
          || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-$major-postgis-3"; }) \
          >"$LOGS/postgis-install.log" 2>&1 \
        || { show_log postgis-install; die "could not install postgresql-$major-postgis-3 (needs root and the Debian mirror)"; }
    fi
    pg_admin -q -X -v ON_ERROR_STOP=1 -v db="$db" -v template="${db}_template" -d postgres >/dev/null \
        2>"$LOGS/postgresql-roles.log" <<'SQL' || { show_log postgresql-roles; die "could not prepare ${db}_template"; }
select format('create database %I owner %I', :'template', :'db')
 where not exists (select 1 from pg_database where datname = :'template') \gexec
alter database :"template" is_template true;
SQL
    for target in "$db" "${db}_template"; do
      pg_admin -q -X -v ON_ERROR_STOP=1 -d "$target" -c "create extension if not exists $extension" >/dev/null \
          2>"$LOGS/postgresql-roles.log" || { show_log postgresql-roles; die "could not create extension $extension in $target"; }
    done
  done <"$file"
}

postgres_down() {
  local version
  [ -f "$PG_STARTED" ] || return 0
  version=$(cat "$PG_STARTED")
  say "stopping postgresql $version/main (started by ./platform)"
  pg_ctlcluster --skip-systemctl-redirect "$version" main stop || warn "pg_ctlcluster stop failed"
  rm -f "$PG_STARTED"
}

postgres_state() {
  if pg_answers; then
    if [ -f "$PG_STARTED" ]; then echo "ready (started)"; else echo "ready (external)"; fi
  else echo stopped; fi
}

# the server on 5432 restarted (fast: open connections are cut, as a database failover cuts them);
# for the fault drills. Only a Debian cluster can be restarted this way.
postgres_restart() {
  local version start
  version=$(cat "$PG_STARTED" 2>/dev/null || ls /etc/postgresql 2>/dev/null | sort -V | tail -1)
  [ -n "$version" ] && command -v pg_ctlcluster >/dev/null \
    || die "postgresql: no Debian cluster to restart (the server on 5432 is managed elsewhere)"
  say "postgresql: restarting cluster $version/main (fast: connections are cut)"
  pg_ctlcluster --skip-systemctl-redirect "$version" main restart -m fast \
    || die "pg_ctlcluster $version main restart failed (see /var/log/postgresql/)"
  start=$SECONDS
  until pg_answers; do
    (( SECONDS - start < 30 )) || die "postgresql did not answer within 30 s of its restart"
    sleep 0.2
  done
  say "postgresql: ready again after $((SECONDS - start)) s"
}
