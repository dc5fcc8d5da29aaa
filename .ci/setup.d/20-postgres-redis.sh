# The servers the installation-store and shared rate-limiter tests run against: PostgreSQL (started by the tests
# as the `postgres` user with initdb + pg_ctl from /usr/lib/postgresql/<version>/bin) and redis-server.
apt_install postgresql redis-server
