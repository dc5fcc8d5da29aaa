import { CallbackStore } from "./callback-store.js";
import { ConfigStore, type SecureConfig } from "./config-store.js";
import { DeskRecordStore } from "./desk-record-store.js";
import { InstallationStore } from "./installation-store.js";
import { LogStore } from "./log-store.js";
import { MetaStore } from "./meta-store.js";
import { type Db, openDatabase } from "./open-database.js";
import { PermissionStore } from "./permission-store.js";
import { ResourceStore } from "./resource-store.js";
import { StorageStore } from "./storage-store.js";

/** Every store over one database. */
export interface Stores {
  db: Db;
  meta: MetaStore;
  installations: InstallationStore;
  config: ConfigStore;
  resources: ResourceStore;
  permissions: PermissionStore;
  storage: StorageStore;
  logs: LogStore;
  callbacks: CallbackStore;
  /** Desk's own records: tickets, comments, threads, contacts, departments, the agent. */
  desk: DeskRecordStore;
}

/** Opens the database at `path` and wraps it in the stores; secure config values are sealed with `secure`. */
export function createStores(path: string, secure?: SecureConfig): Stores {
  const db = openDatabase(path);
  return {
    db,
    meta: new MetaStore(db),
    installations: new InstallationStore(db),
    config: new ConfigStore(db, secure),
    resources: new ResourceStore(db),
    permissions: new PermissionStore(db),
    storage: new StorageStore(db),
    logs: new LogStore(db),
    callbacks: new CallbackStore(db),
    desk: new DeskRecordStore(db),
  };
}
