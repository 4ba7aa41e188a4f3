import Foundation
import GRDB
import Testing
import RealiseModel
@testable import RealiseStore

@Suite("Workspace file")
struct WorkspaceFileTests {
    @Test("a new workspace file is readable and writable by its owner only")
    func ownerOnlyPermissions() throws {
        try withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("realise.sqlite").path
            #expect(!FileManager.default.fileExists(atPath: path))
            let workspace = try Workspace(path: path, create: true)
            #expect(workspace.path == path)
            #expect(try permissions(of: path) == 0o600)
            // SQLite gives its journal files the database's permissions; they must not leak either.
            _ = try workspace.importFiles([file(strategyPlan(), sha: "a")])
            for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
                #expect(try permissions(of: path + suffix) & 0o077 == 0, "\(suffix) is readable by others")
            }
            #expect(try permissions(of: path) == 0o600)
        }
    }

    @Test("a file workspace uses WAL journaling and enforces foreign keys")
    func walAndForeignKeys() throws {
        try withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("realise.sqlite").path
            let workspace = try Workspace(path: path, create: true)
            #expect(try workspace.scalar(String.self, "PRAGMA journal_mode")?.lowercased() == "wal")
            #expect(try workspace.scalar(Int.self, "PRAGMA foreign_keys") == 1)
            // WAL mode is a property of the file, so it survives reopening.
            let reopened = try Workspace(path: path, create: false)
            #expect(try reopened.scalar(String.self, "PRAGMA journal_mode")?.lowercased() == "wal")
        }
    }

    @Test("the schema migrations are recorded by name")
    func migrationsRecorded() throws {
        try withTemporaryFolder { folder in
            let workspace = try Workspace(path: folder.appendingPathComponent("w.sqlite").path, create: true)
            let identifiers = try workspace.rows("SELECT identifier FROM grdb_migrations").map { $0[0] as String }
            #expect(identifiers == ["v1-workspace", "v2-reviews", "v3-import-batches", "v4-reference-indexes", "v5-change-log", "v6-actions", "v7-source-versions", "v8-history", "v9-import-checks", "v10-accounts"])
            let tables = Set(try workspace.rows("SELECT name FROM sqlite_master WHERE type = 'table'").map { $0[0] as String })
            for table in ["import_run", "entity", "programme", "organisation", "objective", "benefit", "deliverable", "metric",
                          "metric_value", "link", "revision"] {
                #expect(tables.contains(table), "table \(table) is missing")
            }
        }
    }

    @Test("reopening an existing workspace migrates nothing again and keeps its contents")
    func reopen() throws {
        try withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("w.sqlite").path
            do {
                let workspace = try Workspace(path: path, create: true)
                _ = try workspace.importFiles([file(strategyPlan(), sha: "a")])
            }
            let reopened = try Workspace(path: path, create: false)
            #expect(try reopened.loadPlan() == strategyPlan())
            #expect(try reopened.importRuns().count == 1)
            #expect(try reopened.rows("SELECT identifier FROM grdb_migrations").count == Workspace.migrations.count)
            // create: true on an existing file opens it rather than replacing it.
            let again = try Workspace(path: path, create: true)
            #expect(try again.loadPlan().benefits.count == 2)
        }
    }

    @Test("opening a missing workspace without create fails and creates nothing")
    func missingWorkspace() throws {
        try withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("absent.sqlite").path
            let error = #expect(throws: StoreError.self) { try Workspace(path: path, create: false) }
            guard case .missingWorkspace(let reported)? = error else {
                Issue.record("expected .missingWorkspace, got \(String(describing: error))")
                return
            }
            #expect(reported == path)
            #expect(error?.description.contains("realise init") == true)
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }

    @Test("a workspace in a folder that does not exist is a database error")
    func missingFolder() throws {
        try withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("no/such/folder/w.sqlite").path
            let error = #expect(throws: StoreError.self) { try Workspace(path: path, create: true) }
            guard case .database(let reported, _)? = error else {
                Issue.record("expected .database, got \(String(describing: error))")
                return
            }
            #expect(reported == path)
        }
    }

    @Test("a file that is not a database is refused with a database error and left alone")
    func notADatabase() throws {
        try withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("notes.sqlite").path
            let text = Data(String(repeating: "These are meeting notes, not a workspace.\n", count: 200).utf8)
            try text.write(to: URL(fileURLWithPath: path))
            let error = #expect(throws: StoreError.self) { try Workspace(path: path, create: false) }
            guard case .database(let reported, _)? = error else {
                Issue.record("expected .database, got \(String(describing: error))")
                return
            }
            #expect(reported == path)
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == text)
        }
    }

    /// Makes a workspace at `path` that a newer Realise has migrated (one migration this version does not know),
    /// closes it, and returns the file's bytes.
    private func makeNewerWorkspace(at path: String) throws -> Data {
        do {
            let workspace = try Workspace(path: path, create: true)
            _ = try workspace.importFiles([file(strategyPlan(), sha: "a")])
            try workspace.writer.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v2-from-the-future')")
            }
        }
        // Closing the last connection checkpoints the WAL into the main file.
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    /// What a copy of the file holds, read with a plain GRDB connection (the original is not opened again).
    private func contents(ofCopyOf path: String, in folder: URL) throws -> (migrations: [String], entities: Int, runs: Int) {
        let copy = folder.appendingPathComponent("copy-\(UUID().uuidString).sqlite").path
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        let queue = try DatabaseQueue(path: copy)
        return try queue.read { db in
            (try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier"),
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM entity") ?? -1,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM import_run") ?? -1)
        }
    }

    @Test("a workspace written by a newer Realise is refused and its contents are kept", arguments: [false, true])
    func newerSchema(create: Bool) throws {
        try withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("w.sqlite").path
            _ = try makeNewerWorkspace(at: path)
            let error = #expect(throws: StoreError.self) { try Workspace(path: path, create: create) }
            guard case .newerSchema(let reported)? = error else {
                Issue.record("expected .newerSchema, got \(String(describing: error))")
                return
            }
            #expect(reported == path)
            #expect(error?.description.contains("newer version") == true)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["w.sqlite"])
            let kept = try contents(ofCopyOf: path, in: folder)
            #expect(kept.migrations == ["v1-workspace", "v10-accounts", "v2-from-the-future", "v2-reviews", "v3-import-batches", "v4-reference-indexes", "v5-change-log", "v6-actions", "v7-source-versions", "v8-history", "v9-import-checks"])
            #expect(kept.entities == 8)
            #expect(kept.runs == 1)
        }
    }

    /// Opening a GRDB `DatabasePool` sets up WAL mode by creating and dropping a table (`grdb_issue_102`)
    /// whenever the -wal file is missing or empty, which it is after a clean close. `Workspace.init` opens the
    /// pool before it checks for unknown migrations, so the refused file is rewritten (one page longer here).
    @Test("a workspace written by a newer Realise is left byte-identical",
)
    func newerSchemaByteIdentical() throws {
        try withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("w.sqlite").path
            let before = try makeNewerWorkspace(at: path)
            for create in [false, true] {
                #expect(throws: StoreError.self) { try Workspace(path: path, create: create) }
            }
            let after = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(after.count == before.count)
            #expect(after == before)
        }
    }

    @Test("an in-memory workspace starts empty and touches no file")
    func inMemory() throws {
        let workspace = try Workspace()
        #expect(workspace.path == ":memory:")
        #expect(try workspace.loadPlan() == Plan())
        #expect(try workspace.importRuns().isEmpty)
        #expect(try workspace.revisions().isEmpty)
        #expect(try workspace.scalar(Int.self, "PRAGMA foreign_keys") == 1)
        #expect(try workspace.rows("SELECT identifier FROM grdb_migrations").map { $0[0] as String } == ["v1-workspace", "v2-reviews", "v3-import-batches", "v4-reference-indexes", "v5-change-log", "v6-actions", "v7-source-versions", "v8-history", "v9-import-checks", "v10-accounts"])
        #expect(!FileManager.default.fileExists(atPath: ":memory:"))
    }
}

@Suite("Workspace migrations")
struct WorkspaceMigrationTests {
    @Test("a workspace written by an older Realise (v1 only) is migrated on open and keeps its contents")
    func olderSchemaMigrated() throws {
        try withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("old.sqlite").path
            do {
                let queue = try DatabaseQueue(path: path)
                try Workspace.migrator.migrate(queue, upTo: "v1-workspace")
                try queue.write { db in
                    try db.execute(sql: """
                        INSERT INTO entity (id, type, name, source_path, source_line, source_column, source_format)
                        VALUES ('O1', 'objective', 'An objective from before', 'old.xml', 3, 1, 'realise-xml');
                        INSERT INTO objective (id) VALUES ('O1');
                        """)
                }
            }
            let workspace = try Workspace(path: path, create: false)
            let applied = try workspace.writer.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid") }
            #expect(applied == ["v1-workspace", "v2-reviews", "v3-import-batches", "v4-reference-indexes", "v5-change-log", "v6-actions", "v7-source-versions", "v8-history", "v9-import-checks", "v10-accounts"])
            #expect(try workspace.loadPlan().objectives.map(\.statement) == ["An objective from before"])
            #expect(try workspace.schedules().isEmpty)
        }
    }
}
