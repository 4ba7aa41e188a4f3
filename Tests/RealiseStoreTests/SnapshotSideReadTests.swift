import Foundation
import GRDB
import Testing
import RealiseModel
import RealiseTestSupport
@testable import RealiseStore

/// `SnapshotSideRead`: work on a second connection of a workspace file sees exactly what the calling read transaction
/// sees, or gives nil so the caller reads it itself; never a mix of two states.
@Suite("Reading on a second connection in the same state")
struct SnapshotSideReadTests {
    private func fileWorkspace(in folder: URL) throws -> (Workspace, DatabasePool) {
        let workspace = try Workspace(path: folder.appendingPathComponent("w.sqlite").path, create: true)
        _ = try workspace.importFiles([file(strategyPlan(), sha: "a")])
        return (workspace, try #require(workspace.writer as? DatabasePool))
    }

    private static func linkCount(_ db: Database) throws -> Int? { try Int.fetchOne(db, sql: "SELECT count(*) FROM link") }

    /// The calling transaction's GRDB connection.
    private func grdb(_ connection: any SQLConnection) throws -> Database { try #require(connection as? RealiseStore.SQLiteConnection).db }

    @Test("the side connection sees what the calling transaction sees, however the workspace changes after")
    func sameState() throws {
        try withTemporaryFolder { folder in
            let (workspace, pool) = try fileWorkspace(in: folder)
            let sideHasRead = DispatchSemaphore(value: 0)
            try workspace.read { connection in
                let db = try grdb(connection)
                let side = try #require(try SnapshotSideRead<Int>.start(pool, beside: db, patience: .seconds(60)) { side in
                    defer { sideHasRead.signal() }
                    return try Self.linkCount(side)
                })
                sideHasRead.wait()
                // A commit after both have read is seen by neither.
                try pool.write { try $0.execute(sql: "DELETE FROM link") }
                let mine = try Self.linkCount(db)
                #expect(mine ?? 0 > 0)
                #expect(side.join() == mine)
            }
            #expect(try pool.read { try Self.linkCount($0) } == 0)
        }
    }

    @Test("a commit between the side connection's first look and the caller's first read: nil, the caller reads itself")
    func commitInBetween() throws {
        try withTemporaryFolder { folder in
            let (workspace, pool) = try fileWorkspace(in: folder)
            #expect(try pool.read { try Self.linkCount($0) } ?? 0 > 0)
            try workspace.read { connection in
                let db = try grdb(connection)
                let side = try #require(try SnapshotSideRead<Int>.start(pool, beside: db, patience: .seconds(60), afterVersion: {
                    try? pool.write { try $0.execute(sql: "DELETE FROM link") }
                }) { try Self.linkCount($0) })
                #expect(side.join() == nil)
                // The caller's transaction fixed its state after the commit.
                #expect(try Self.linkCount(db) == 0)
            }
        }
    }

    @Test("a transaction that has read already, or none at all: no side read")
    func alreadyRead() throws {
        try withTemporaryFolder { folder in
            let (workspace, pool) = try fileWorkspace(in: folder)
            try workspace.read { connection in
                let db = try grdb(connection)
                _ = try Self.linkCount(db)
                #expect(try SnapshotSideRead<Int>.start(pool, beside: db) { try Self.linkCount($0) } == nil)
            }
            let outside = try pool.unsafeRead { db in try SnapshotSideRead<Int>.start(pool, beside: db) { try Self.linkCount($0) } }
            #expect(outside == nil)
        }
    }

    @Test("no reader connection free for the side: nil after a short wait, and the side gives up when one frees")
    func noFreeConnection() throws {
        try withTemporaryFolder { folder in
            let (workspace, _) = try fileWorkspace(in: folder)
            var configuration = Configuration()
            configuration.maximumReaderCount = 1
            let pool = try DatabasePool(path: workspace.path, configuration: configuration)
            let sideRan = ManagedFlag()
            let side = try pool.unsafeRead { db in
                var side: SnapshotSideRead<Int>?
                try db.inTransaction(.deferred) {
                    side = try SnapshotSideRead<Int>.start(pool, beside: db) { db in
                        sideRan.set()
                        return try Self.linkCount(db)
                    }
                    #expect(try Self.linkCount(db) ?? 0 > 0)
                    return .commit
                }
                return side
            }
            #expect(side == nil)
            // The side connection is free now: the side read reads its version, sees the caller gave up, and stops.
            let freed = try pool.read { try Self.linkCount($0) }
            #expect(freed ?? 0 > 0)
            #expect(!sideRan.isSet)
        }
    }

    @Test("work that fails on the side connection gives nil")
    func failingWork() throws {
        try withTemporaryFolder { folder in
            let (workspace, pool) = try fileWorkspace(in: folder)
            try workspace.read { connection in
                let side = try #require(try SnapshotSideRead<Int>.start(pool, beside: try grdb(connection), patience: .seconds(60)) { db in
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM no_such_table")
                })
                #expect(side.join() == nil)
            }
        }
    }
}

/// A flag set on one thread and read on another.
private final class ManagedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
