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
                let side = try #require(try SnapshotSideRead<Int>.start(pool, beside: db) { side in
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
                let side = try #require(try SnapshotSideRead<Int>.start(pool, beside: db, afterVersion: {
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

    @Test("work that fails on the side connection gives nil")
    func failingWork() throws {
        try withTemporaryFolder { folder in
            let (workspace, pool) = try fileWorkspace(in: folder)
            try workspace.read { connection in
                let side = try #require(try SnapshotSideRead<Int>.start(pool, beside: try grdb(connection)) { db in
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM no_such_table")
                })
                #expect(side.join() == nil)
            }
        }
    }
}
