internal import GRDB

extension Store {
  /// Schema versions, oldest first; a released migration is never edited, only followed.
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try db.execute(
        sql: """
          CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
          CREATE TABLE sources (
            sha256 TEXT PRIMARY KEY,
            path TEXT NOT NULL,
            system TEXT NOT NULL,
            ingested_at TEXT NOT NULL,
            rows_read INTEGER NOT NULL,
            accepted INTEGER NOT NULL,
            rejected INTEGER NOT NULL,
            duplicates INTEGER NOT NULL,
            filtered INTEGER NOT NULL,
            replaced_bytes INTEGER NOT NULL,
            reasons TEXT NOT NULL
          );
          CREATE TABLE tickets (
            system TEXT NOT NULL,
            id TEXT NOT NULL,
            created REAL NOT NULL,
            updated REAL,
            resolved REAL,
            period TEXT NOT NULL,
            category TEXT NOT NULL,
            issue TEXT NOT NULL,
            product_line TEXT NOT NULL,
            tier TEXT NOT NULL,
            customer TEXT,
            customer_name TEXT,
            product TEXT,
            channel TEXT,
            agent TEXT,
            source_category TEXT,
            tags TEXT NOT NULL,
            rule TEXT NOT NULL,
            text TEXT NOT NULL,
            source_file TEXT NOT NULL,
            source_line INTEGER NOT NULL,
            UNIQUE (system, id)
          );
          CREATE INDEX tickets_by_cell ON tickets (period, category, product_line, tier);
          CREATE TABLE rejects (
            source_sha256 TEXT NOT NULL,
            file TEXT NOT NULL,
            line INTEGER NOT NULL,
            reason TEXT NOT NULL,
            raw TEXT NOT NULL
          );
          CREATE TABLE sales (
            period TEXT NOT NULL,
            product_line TEXT NOT NULL,
            tier TEXT NOT NULL,
            units REAL NOT NULL,
            revenue REAL,
            PRIMARY KEY (period, product_line, tier)
          );
          CREATE TABLE runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            period TEXT NOT NULL,
            finished_at TEXT NOT NULL,
            anomalies INTEGER NOT NULL
          );
          CREATE TABLE anomalies (
            period TEXT NOT NULL,
            category TEXT NOT NULL,
            product_line TEXT NOT NULL,
            tier TEXT NOT NULL,
            status TEXT NOT NULL,
            streak INTEGER NOT NULL,
            count INTEGER NOT NULL,
            expected REAL,
            PRIMARY KEY (period, category, product_line, tier)
          );
          """)
    }
    migrator.registerMigration("v2") { db in
      // Frozen baselines (`plaint baseline freeze`): one per series, replacing the rolling one.
      try db.execute(
        sql: """
          CREATE TABLE baselines (
            category TEXT NOT NULL,
            product_line TEXT NOT NULL,
            tier TEXT NOT NULL,
            through TEXT NOT NULL,
            window_first TEXT NOT NULL,
            window_last TEXT NOT NULL,
            excluded TEXT NOT NULL,
            method TEXT NOT NULL,
            center REAL NOT NULL,
            sigma_z REAL,
            periods INTEGER NOT NULL,
            frozen_at TEXT NOT NULL,
            version TEXT NOT NULL,
            PRIMARY KEY (category, product_line, tier)
          );
          """)
    }
    migrator.registerMigration("v3") { db in
      // Which file holds each stored ticket (so a copy that wins can move the accounting, and a
      // file read again can replace its tickets), and the settings a file was read with.
      try db.execute(
        sql: """
          ALTER TABLE tickets ADD COLUMN source_sha256 TEXT;
          CREATE INDEX sources_by_path ON sources (path);
          UPDATE tickets SET source_sha256 =
            (SELECT sha256 FROM sources WHERE sources.path = tickets.source_file ORDER BY rowid
             LIMIT 1);
          ALTER TABLE sources ADD COLUMN settings TEXT;
          """)
    }
    migrator.registerMigration("v3-coverage") { db in
      // What each export covers: its earliest and latest dated row. Files ingested before this
      // version get the span of the tickets kept from them.
      try db.execute(
        sql: """
          ALTER TABLE sources ADD COLUMN first_created REAL;
          ALTER TABLE sources ADD COLUMN last_created REAL;
          UPDATE sources SET
            first_created = (SELECT min(created) FROM tickets WHERE source_file = sources.path),
            last_created = (SELECT max(created) FROM tickets WHERE source_file = sources.path);
          """)
    }
    migrator.registerMigration("v4-profiles") { db in
      // Rows per day and product line of each export (JSON), for coverage; files ingested
      // before it are profiled from the tickets kept from them when a report needs it.
      try db.execute(sql: "ALTER TABLE sources ADD COLUMN profile TEXT")
    }
    migrator.registerMigration("v5-slices") { db in
      // The configured `slices:` of each ticket (`Ticket.encodedSlices`); NULL for tickets
      // read before, or without slices. A file is read again when its slices change.
      try db.execute(sql: "ALTER TABLE tickets ADD COLUMN slices TEXT")
    }
    migrator.registerMigration("v6-narratives") { db in
      // Narratives out of the ticket rows, in zstd blocks (`NarrativeBlock`): a ticket names
      // its block and slot, and its `text` is empty. Tickets stored before keep their text in
      // `text` (no block), as does a text of spaces only, so `trim(text) = ''` still finds it.
      try db.execute(
        sql: """
          CREATE TABLE narratives (
            block INTEGER PRIMARY KEY,
            source_sha256 TEXT NOT NULL,
            data BLOB NOT NULL
          );
          ALTER TABLE tickets ADD COLUMN text_block INTEGER;
          ALTER TABLE tickets ADD COLUMN text_slot INTEGER;
          """)
    }
    migrator.registerMigration("v7-period-summaries") { db in
      // Counts a report keeps per period (`Store.periodSummaries`), each with the settings and
      // the digest of the period's tickets it was counted from; a cache, rebuilt when either
      // differs.
      try db.execute(
        sql: """
          CREATE TABLE period_summaries (
            period TEXT NOT NULL,
            kind TEXT NOT NULL,
            settings TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            counts BLOB NOT NULL,
            PRIMARY KEY (period, kind)
          );
          """)
    }
    migrator.registerMigration("v8-source-ids") { db in
      // Each ticket names the file it was kept from by a small integer, a row of `files` (the
      // file's checksum and path as the tickets recorded them), instead of carrying the path
      // and the 64-character checksum itself: about a third of every row. Dropping the two
      // columns rewrites every row in place. A ticket stored before v3 may have no checksum
      // (NULL), as may one restored from partials whose path matched no source.
      try db.execute(
        sql: """
          CREATE TABLE files (
            id INTEGER PRIMARY KEY,
            sha256 TEXT,
            path TEXT NOT NULL
          );
          CREATE INDEX files_by_sha256 ON files (sha256, path);
          INSERT INTO files (sha256, path)
            SELECT DISTINCT source_sha256, source_file FROM tickets
            ORDER BY source_file, source_sha256;
          ALTER TABLE tickets ADD COLUMN source INTEGER;
          UPDATE tickets SET source =
            (SELECT id FROM files
             WHERE files.sha256 IS tickets.source_sha256 AND files.path = tickets.source_file);
          ALTER TABLE tickets DROP COLUMN source_file;
          ALTER TABLE tickets DROP COLUMN source_sha256;
          """)
    }
    migrator.registerMigration("v9-ticket-groups") { db in
      // The tickets grouped as a report counts them, kept by the last report so that the next
      // one scans none of them (`LoadCounts`), with the generation they were kept at, how many
      // rows they count and the table's last rowid then. Any update or deletion of a ticket or
      // of a file (whose path the groups hold), by whatever program, clears them and moves
      // `generation` on; rows added since are seen by their number, and a row replaced
      // (`REPLACE INTO`, which deletes without firing a trigger) by the last rowid.
      try db.execute(
        sql: """
          CREATE TABLE ticket_groups (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            generation INTEGER NOT NULL,
            kept INTEGER,
            rows INTEGER,
            last_rowid INTEGER,
            groups BLOB
          );
          INSERT INTO ticket_groups (id, generation) VALUES (1, 0);
          """)
      // A file's row replaced (`REPLACE INTO files` with its id) is seen before the insert: files
      // are added once each, so the lookup costs nothing a load would notice.
      for (name, when) in [
        ("tickets_update", "AFTER UPDATE ON tickets"),
        ("tickets_delete", "AFTER DELETE ON tickets"),
        ("files_update", "AFTER UPDATE ON files"), ("files_delete", "AFTER DELETE ON files"),
        (
          "files_replace",
          "BEFORE INSERT ON files WHEN EXISTS (SELECT 1 FROM files WHERE id = NEW.id)"
        ),
      ] {
        try db.execute(
          sql: """
            CREATE TRIGGER ticket_groups_\(name) \(when)
            BEGIN
              UPDATE ticket_groups
              SET generation = generation + 1, kept = NULL, rows = NULL, last_rowid = NULL,
                groups = NULL;
            END
            """)
      }
    }
    migrator.registerMigration("v10-period-index") { db in
      // Every query that reads tickets by cell reads them by period first: SQLite's plans use
      // the cell index's first column only (a list of cells is an OR of three columns), and no
      // query counts by cell from the index alone. On the period alone the index is a third of
      // the size and built after a bulk load in a third of the time (README.md, Performance).
      try db.execute(
        sql: """
          DROP INDEX IF EXISTS tickets_by_cell;
          \(Store.periodIndex);
          """)
    }
    return migrator
  }
}
