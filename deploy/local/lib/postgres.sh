# PostgreSQL: use the server on 127.0.0.1:5432 if one answers; otherwise start (or install and
# start) Debian's cluster. One role and one database per service, created idempotently.
pg_answers() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null || port_open 5432; }

postgres_up() {
  if pg_answers; then
    say "postgresql: using the server on 127.0.0.1:5432"
  else
    if ! command -v pg_ctlcluster >/dev/null 2>&1; then
      say "postgresql: not installed; installing Debian's postgresql"
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >"$LOGS/postgresql-install.log" 2>&1 \
        || { show_log postgresql-install; die "could not install postgresql"; }
    fi
    local version
    version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)
    [ -n "$version" ] || die "postgresql is installed but has no cluster under /etc/postgresql"
    say "postgresql: starting cluster $version/main"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || die "pg_ctlcluster $version main start failed"
    echo "$version" >"$RUN/postgresql.started-by-platform"
    local start=$SECONDS
    until pg_answers; do
      (( SECONDS - start < 30 )) || die "postgresql did not answer on 127.0.0.1:5432 within 30 s"
      sleep 0.5
    done
  fi
  postgres_roles
}

# role = database = password = the service's database name (local only); CREATEDB so tests can
# make their per-run databases
postgres_roles() {
  local name port db
  while read -r name port db; do
    runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -d postgres >/dev/null <<SQL || die "could not create role/database $db"
select format('create role %I login createdb password %L', '$db', '$db')
where not exists (select 1 from pg_roles where rolname = '$db') \gexec
select format('create database %I owner %I', '$db', '$db')
where not exists (select 1 from pg_database where datname = '$db') \gexec
SQL
  done < <(services)
}

postgres_down() {
  local version
  if [ -f "$RUN/postgresql.started-by-platform" ]; then
    version=$(cat "$RUN/postgresql.started-by-platform")
    say "stopping postgresql $version/main (started by ./platform)"
    pg_ctlcluster --skip-systemctl-redirect "$version" main stop || warn "pg_ctlcluster stop failed"
    rm -f "$RUN/postgresql.started-by-platform"
  fi
}

postgres_state() {
  if pg_answers; then
    [ -f "$RUN/postgresql.started-by-platform" ] && echo "ready (started)" || echo "ready (external)"
  else echo "stopped"; fi
}
