import Foundation

extension Workspace {
    /// Whether the workspace is a PostgreSQL schema that many processes share (each needs its own connection), rather
    /// than a SQLite file or memory (one pool of connections serves every thread of a process).
    public var isShared: Bool {
        if case .postgres = backend { return true }
        return false
    }

    /// Brings a PostgreSQL workspace's schema up to date: the migrations it lacks, in order, in one transaction,
    /// while holding the workspace's migration lock (two processes opening a new workspace at once apply them
    /// once). Applied migrations are recorded in `realise_migrations`.
    /// - Throws: `.missingWorkspace` when the schema holds no workspace and `create` is false; `.newerSchema`
    ///   when it records a migration this version does not know (nothing is changed).
    static func migrate(_ session: PostgresSession, create: Bool) throws(StoreError) {
        let address = session.address
        do {
            try session.transaction("BEGIN") {
                try session.execute("SELECT pg_advisory_xact_lock(?)", [PostgresLocks.key(address, .migration)])
                let exists = try session.value("""
                    SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = 'realise_migrations'
                    """, [address.schema], as: Int.self) ?? 0
                if exists == 0 {
                    guard create else { throw StoreError.missingWorkspace(path: address.description) }
                    try session.execute("CREATE TABLE realise_migrations (identifier TEXT COLLATE \"C\" PRIMARY KEY, applied_at TEXT NOT NULL)")
                }
                let applied = Set(try session.fetchAll("SELECT identifier FROM realise_migrations").map { $0["identifier"] as String })
                let known = Set(migrations.map(\.identifier))
                if !applied.isSubset(of: known) { throw StoreError.newerSchema(path: address.description) }
                for (identifier, sql) in migrations where !applied.contains(identifier) {
                    for statement in SQLDialect.statements(SQLDialect.postgres.schema(sql)) { try session.execute(statement) }
                    for statement in postgresMigrations[identifier] ?? [] { try session.execute(statement) }
                    try session.execute("INSERT INTO realise_migrations (identifier, applied_at) VALUES (?, ?)",
                                        [identifier, timestamp(Date())])
                }
                return ((), true)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw .database(path: address.description, message: PostgresSession.explain(error, address))
        }
    }

    /// Takes the workspace's import lock for the current transaction (released when it ends), so that imports into
    /// one workspace run one after another. Waits at most `wait` seconds (nil: as long as it takes), telling
    /// `waiting` once when it has to wait at all.
    /// - Throws: `.busy` when the lock was not free in time.
    static func lockForImport(_ session: PostgresSession, wait: Double?, waiting: (() -> Void)?) throws {
        let key = PostgresLocks.key(session.address, .import)
        let deadline = wait.map { Date().addingTimeInterval($0) }
        var told = false
        while true {
            if try session.value("SELECT pg_try_advisory_xact_lock(?)", [key], as: Bool.self) == true { return }
            if let deadline, Date() >= deadline { throw StoreError.busy(path: session.address.description, seconds: wait ?? 0) }
            if !told {
                waiting?()
                told = true
            }
            Thread.sleep(forTimeInterval: 0.2)
        }
    }
}

/// The advisory locks a PostgreSQL workspace takes: one 64-bit key per workspace and purpose, in a key space of
/// Realise's own (its high 32 bits).
enum PostgresLocks {
    enum Purpose: Int64 {
        case migration = 1
        case `import` = 2
        case typedInValue = 3
    }

    /// Realise's key space: "REAL".
    static let space: Int64 = 0x5245_414C

    /// The key: the space, then the workspace's database and schema hashed (FNV-1a, stable across runs and
    /// machines) with the purpose in its low bits.
    static func key(_ address: PostgresAddress, _ purpose: Purpose) -> Int64 {
        key(of: address.database + "/" + address.schema, purpose)
    }

    /// The key of anything named by `text` (a metric and day), for `purpose`. Locks of another workspace in the same
    /// database with the same hash only wait for each other a moment longer.
    static func key(of text: String, _ purpose: Purpose) -> Int64 {
        var hash: UInt32 = 2_166_136_261
        for byte in text.utf8 {
            hash = (hash ^ UInt32(byte)) &* 16_777_619
        }
        return space << 32 | Int64((hash & ~0b11) | UInt32(purpose.rawValue))
    }
}
