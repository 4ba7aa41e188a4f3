import Foundation
import GRDB
import RealiseModel

/// A Realise workspace: one SQLite file (WAL mode, foreign keys on), a throw-away in-memory database, or a schema
/// of a PostgreSQL database shared by many people (`postgres://…`).
///
/// Everything the rest of Realise needs from storage goes through this type's methods; they run the same SQL on
/// either backend through an `SQLConnection`, so importers, rules and the command line never see which it is.
public final class Workspace: Sendable {
    /// Where the workspace lives: a file path, `:memory:`, or a PostgreSQL URL without its password.
    public let path: String
    /// Who the changes made through this workspace are recorded as, in the change log.
    public let actor: String
    let backend: Backend

    /// The database behind the workspace.
    enum Backend: Sendable {
        case sqlite(any DatabaseWriter)
        case postgres(PostgresSession)
    }

    /// Opens (creating and migrating when `create` is true) the workspace at `path` — a file path, or a
    /// `postgres://` URL (see `PostgresAddress`) — recording changes as made by `actor` (default: `defaultActor()`).
    /// - Throws: `.missingWorkspace` when it does not exist and `create` is false, `.newerSchema` when a newer
    ///   Realise wrote it, `.invalidValue` for a URL that does not parse, `.database` for database, network and
    ///   file-system failures.
    public init(path: String, create: Bool, actor: String? = nil) throws(StoreError) {
        self.actor = actor ?? Workspace.defaultActor()
        if PostgresAddress.isURL(path) {
            let address = try PostgresAddress(url: path)
            self.path = address.description
            let session = try PostgresSession.connect(address, create: create)
            backend = .postgres(session)
            try Workspace.migrate(session, create: create)
            return
        }
        self.path = path
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists && !create { throw .missingWorkspace(path: path) }
        do {
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            configuration.busyMode = .timeout(30)
            if exists, try Workspace.isNewerSchema(path: path) { throw StoreError.newerSchema(path: path) }
            if !exists {
                // Owner-only permissions before SQLite writes anything into it. Created exclusively: another
                // process may create the workspace at the same moment, and replacing the file it has just made
                // (as `FileManager.createFile` does) would silently drop everything it writes into it.
                let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
                if descriptor >= 0 {
                    close(descriptor)
                } else if errno != EEXIST {
                    throw StoreError.database(path: path, message: "cannot create the file; check the folder exists and is writable")
                }
            }
            backend = .sqlite(try Workspace.openPool(path: path, configuration: configuration))
        } catch let error as StoreError {
            throw error
        } catch {
            if exists, access(path, W_OK) != 0 {
                throw .database(path: path, message: "the workspace file is read-only or on a read-only file system; check its permissions and mount (nothing was changed)")
            }
            throw .database(path: path, message: Workspace.explain(error))
        }
        try migrate()
    }

    /// Opens the pool, retrying while another process holds the lock that switching a new file to WAL needs
    /// (two processes creating one workspace at once); the busy timeout does not cover that step.
    private static func openPool(path: String, configuration: Configuration) throws -> DatabasePool {
        var attempt = 0
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration)
            } catch let error as DatabaseError where [.SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode) && attempt < 40 {
                attempt += 1
                Thread.sleep(forTimeInterval: 0.025 * Double(min(attempt, 8)))
            }
        }
    }

    /// A throw-away workspace in memory (the `gaps PATH...` lint mode); nothing touches the disk.
    public init(actor: String? = nil) throws(StoreError) {
        path = ":memory:"
        self.actor = actor ?? Workspace.defaultActor()
        do {
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            backend = .sqlite(try DatabaseQueue(configuration: configuration))
        } catch {
            throw .database(path: path, message: Workspace.explain(error))
        }
        try migrate()
    }

    /// `workspace`'s database (the same connections, nothing opened or migrated) with changes recorded as made by
    /// `actor`: see `acting(as:)`.
    init(sharing workspace: Workspace, actor: String) {
        path = workspace.path
        self.actor = actor
        backend = workspace.backend
    }

    /// Whether a newer Realise wrote the workspace, checked over a read-only connection so a workspace that
    /// will be refused is not touched (opening a WAL pool would write to it).
    private static func isNewerSchema(path: String) throws -> Bool {
        let sidecars = [path + "-wal", path + "-shm"].filter { !FileManager.default.fileExists(atPath: $0) }
        let newer: Bool = {
            var configuration = Configuration()
            configuration.readonly = true
            guard let queue = try? DatabaseQueue(path: path, configuration: configuration) else { return false }
            return (try? queue.read { db in
                try db.tableExists("grdb_migrations") ? try migrator.hasBeenSuperseded(db) : false
            }) ?? false
        }()
        if newer {
            // The read-only connection is closed; remove the empty WAL files SQLite made for it, so the refused
            // workspace is left exactly as it was found.
            for sidecar in sidecars { try? FileManager.default.removeItem(atPath: sidecar) }
        }
        return newer
    }

    /// Applies the migrations this workspace lacks. Two processes opening a new workspace at once may race
    /// to apply the same migration; the loser retries and finds it applied.
    private func migrate() throws(StoreError) {
        guard case .sqlite(let writer) = backend else { return }
        let migrator = Workspace.migrator
        var attempt = 0
        while true {
            do {
                if try writer.read({ try migrator.hasBeenSuperseded($0) }) { throw StoreError.newerSchema(path: path) }
                try migrator.migrate(writer)
                return
            } catch let error as StoreError {
                throw error
            } catch {
                attempt += 1
                let completed = (try? writer.read { try migrator.hasCompletedMigrations($0) }) ?? false
                if completed { return }
                if attempt >= 40 { throw .database(path: path, message: Workspace.explain(error)) }
                Thread.sleep(forTimeInterval: 0.025 * Double(min(attempt, 8)))
            }
        }
    }

    /// Runs `body` in a read transaction, turning database failures into `StoreError`. A read made while
    /// another is running on the same thread (inside `consistentRead`) joins its transaction.
    func read<T>(_ body: (any SQLConnection) throws -> T) throws(StoreError) -> T {
        do {
            return try readTransaction(body)
        } catch let error as StoreError { throw error } catch {
            throw .database(path: path, message: explain(error))
        }
    }

    /// Runs `body`, every workspace read in which sees one and the same state of the workspace (they share
    /// one read transaction), even while another process imports: a report that loads the plan, its
    /// revisions and its reviews in turn never mixes old and new.
    /// Errors thrown by `body` are thrown as they are.
    public func consistentRead<T>(_ body: () throws -> T) throws -> T {
        try readTransaction { _ in try body() }
    }

    /// One read transaction: SQLite's deferred transaction (a snapshot from its first read), PostgreSQL's
    /// repeatable read (a snapshot from its first statement). Joins a read already running on this thread.
    private func readTransaction<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        switch backend {
        case .sqlite(let writer):
            return try writer.unsafeReentrantRead { db in
                if db.isInsideTransaction { return try body(SQLiteConnection(db)) }
                var result: T?
                try db.inTransaction(.deferred) {
                    result = try body(SQLiteConnection(db))
                    return .commit
                }
                guard let result else { throw StoreError.database(path: path, message: "a read returned nothing") }
                return result
            }
        case .postgres(let session):
            return try session.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") { (try body(session), true) }
        }
    }

    /// Runs `body` in one write transaction (all or nothing), turning database failures into `StoreError`.
    func write<T>(_ body: (any SQLConnection) throws -> T) throws(StoreError) -> T {
        do {
            switch backend {
            case .sqlite(let writer): return try writer.write { db in try body(SQLiteConnection(db)) }
            case .postgres(let session): return try session.transaction("BEGIN") { (try body(session), true) }
            }
        } catch let error as StoreError { throw error } catch {
            throw .database(path: path, message: explain(error))
        }
    }

    /// The SQLite database behind a file or in-memory workspace (tests look at the file through it).
    var writer: any DatabaseWriter {
        guard case .sqlite(let writer) = backend else { preconditionFailure("a PostgreSQL workspace has no SQLite writer") }
        return writer
    }

    /// A database failure in words a person can act on, for this workspace's backend.
    func explain(_ error: any Error) -> String {
        if case .postgres(let session) = backend { return PostgresSession.explain(error, session.address) }
        return Workspace.explain(error)
    }

    static func explain(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_FULL: return "the disk is full; free some space and run the command again (nothing was changed)"
            case .SQLITE_READONLY: return "the workspace file is read-only; check its permissions (nothing was changed)"
            case .SQLITE_BUSY, .SQLITE_LOCKED: return "the workspace is busy with another Realise process; try again"
            case .SQLITE_NOTADB, .SQLITE_CORRUPT: return "the file is not a Realise workspace or is damaged"
            case .SQLITE_CANTOPEN: return "cannot open the file; check the folder exists and is writable"
            default: return error.message ?? "\(error)"
            }
        }
        return "\(error)"
    }
}
