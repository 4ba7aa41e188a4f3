import Dispatch
import Foundation
import GRDB
import GRDBSQLite

/// Work run on a second connection of a SQLite pool, on another core, that sees exactly the state of the workspace the
/// calling read transaction sees: a large load reads two parts of the workspace at once (the gap report reads its
/// entities on one core and its values on the other).
///
/// The SQLite this builds against has no snapshot API (`SQLITE_ENABLE_SNAPSHOT`), so sameness is shown with
/// `PRAGMA data_version`, which differs between two reads of one connection exactly when another connection committed in
/// between:
/// 1. the side connection reads its data version, outside any transaction;
/// 2. the calling transaction makes its first read, which fixes what it sees;
/// 3. the side connection begins its transaction and reads its data version again.
///
/// Equal versions mean nothing was committed between 1 and 3, so 2 and 3 see the same state. Otherwise — or when the
/// calling transaction had already read, no side connection was free in time, or the side connection fails — `start`
/// or `join()` gives nil, and the caller reads it all itself as before, in its own transaction.
final class SnapshotSideRead<T: Sendable>: @unchecked Sendable {
    // The fields are handed between the two threads by the semaphores: each is written before a signal and read after
    // the matching wait, never by both threads at once.
    /// Step 1 done, or given up.
    private let versionRead = DispatchSemaphore(value: 0)
    /// Step 2 done, or given up.
    private let callerFixed = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private var callerGaveUp = false
    private var result: T?

    private init() {}

    /// Starts `work` on another connection of `pool`, and makes the first read of the transaction `db` is in so that
    /// both see the same state. Nil when that cannot be shown: `db` is outside a transaction or has read already.
    /// - Parameters:
    ///   - patience: how long to wait for the side connection's first step, which takes about a millisecond when a
    ///     reader connection is free.
    ///   - afterVersion: run on the side thread between steps 1 and 2 (a test commits there).
    static func start(_ pool: DatabasePool, beside db: Database, patience: DispatchTimeInterval = .milliseconds(250),
                      afterVersion: @escaping @Sendable () -> Void = {},
                      _ work: @escaping @Sendable (Database) throws -> T?) throws -> SnapshotSideRead<T>? {
        guard db.isInsideTransaction, sqlite3_txn_state(db.sqliteConnection, "main") == SQLITE_TXN_NONE else { return nil }
        let side = SnapshotSideRead<T>()
        // A thread of its own: a pool's threads may all be waiting, as this one is about to (tests run side by side).
        Thread { side.run(pool, afterVersion: afterVersion, work) }.start()
        // Not for ever: when every reader connection of the pool is taken (a busy server), each caller would wait for a
        // side connection that only another waiting caller can free.
        guard side.versionRead.wait(timeout: .now() + patience) == .success else {
            side.callerGaveUp = true
            side.callerFixed.signal()
            return nil
        }
        var fixed = false
        defer {
            side.callerGaveUp = !fixed
            side.callerFixed.signal()
        }
        // The first read: from here on the transaction sees the workspace as it is now.
        _ = try Int.fetchOne(db, sql: "PRAGMA data_version")
        fixed = sqlite3_txn_state(db.sqliteConnection, "main") == SQLITE_TXN_READ
        return fixed ? side : nil
    }

    /// What `work` gave, once it has finished; nil when it saw another state than the caller, failed or gave nil.
    func join() -> T? {
        finished.wait()
        return result
    }

    private func run(_ pool: DatabasePool, afterVersion: @Sendable () -> Void, _ work: (Database) throws -> T?) {
        var versionSignalled = false
        defer {
            if !versionSignalled { versionRead.signal() }
            finished.signal()
        }
        result = try? pool.unsafeRead { db -> T? in
            let before = try Int.fetchOne(db, sql: "PRAGMA data_version")
            afterVersion()
            versionRead.signal()
            versionSignalled = true
            callerFixed.wait()
            guard !callerGaveUp else { return nil }
            var value: T?
            try db.inTransaction(.deferred) {
                if try Int.fetchOne(db, sql: "PRAGMA data_version") == before { value = try work(db) }
                return .commit
            }
            return value
        }
    }
}
