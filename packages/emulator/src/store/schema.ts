/** The whole schema, idempotent: created on every start. */
export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS installations (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL,
  installed_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS config_params (
  installation_id TEXT NOT NULL REFERENCES installations(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  value TEXT NOT NULL,
  sealed INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (installation_id, name)
);
CREATE TABLE IF NOT EXISTS resources (
  installation_id TEXT NOT NULL REFERENCES installations(id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  name TEXT NOT NULL,
  id TEXT NOT NULL,
  api_name TEXT NOT NULL,
  definition TEXT NOT NULL,
  PRIMARY KEY (installation_id, type, name)
);
CREATE TABLE IF NOT EXISTS permissions (
  installation_id TEXT NOT NULL REFERENCES installations(id) ON DELETE CASCADE,
  api_name TEXT NOT NULL,
  is_enabled INTEGER NOT NULL,
  PRIMARY KEY (installation_id, api_name)
);
CREATE TABLE IF NOT EXISTS storage (
  installation_id TEXT NOT NULL REFERENCES installations(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  queriable_value TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (installation_id, key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS storage_by_queriable_value ON storage (installation_id, queriable_value, key);
CREATE TABLE IF NOT EXISTS logs (
  log_id TEXT PRIMARY KEY,
  installation_id TEXT NOT NULL REFERENCES installations(id) ON DELETE CASCADE,
  reference TEXT,
  parent_log_id TEXT,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  log_time INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS logs_by_reference ON logs (installation_id, reference);
CREATE INDEX IF NOT EXISTS logs_by_time ON logs (installation_id, log_time);
CREATE TABLE IF NOT EXISTS callbacks (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  installation_id TEXT NOT NULL,
  outcome TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS callbacks_by_installation ON callbacks (installation_id, seq);
CREATE TABLE IF NOT EXISTS desk_records (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  org_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  id TEXT NOT NULL,
  parent_id TEXT,
  ext_id TEXT,
  trashed INTEGER NOT NULL DEFAULT 0,
  data TEXT NOT NULL,
  UNIQUE (org_id, kind, id)
);
CREATE INDEX IF NOT EXISTS desk_records_by_parent ON desk_records (org_id, kind, parent_id, seq);
CREATE INDEX IF NOT EXISTS desk_records_by_ext_id ON desk_records (org_id, kind, ext_id);
`;
