import Foundation
import RealiseModel
import RealiseTestSupport
import Testing
@testable import RealiseStore

/// On PostgreSQL, the references an import writes (a type's row, a parent, a link's ends, a value's metric) have no
/// foreign keys, which cost a trigger query per row; the import checks them set-based before it commits instead.
@Suite("Reference checks of a PostgreSQL import", Requirement.needs(TestPostgres.url != nil, TestPostgres.missing))
struct ImportChecksTests {
    @Test("the migrated schema keeps no foreign key from an import's bulk rows to entity, and keeps the others")
    func foreignKeysDropped() throws {
        let workspace = try emptyWorkspace(.postgres)
        let session = try #require(Self.session(of: workspace))
        let schema = session.address.schema
        let keys = try session.fetchAll("""
            SELECT conrelid::regclass::text AS child, confrelid::regclass::text AS parent FROM pg_constraint
            WHERE contype = 'f' AND connamespace = ?::regnamespace ORDER BY 1, 2
            """, [schema]).map { "\($0["child"] as String) → \($0["parent"] as String)" }
        #expect(!keys.contains { $0.hasSuffix("→ entity") && ["link", "metric_value", "deliverable", "objective", "benefit", "metric",
                                                              "programme", "organisation"].contains(String($0.split(separator: " ")[0])) })
        #expect(keys.contains("review → entity"))
        #expect(keys.contains("link → import_run"))
    }

    @Test("a link, value or parent naming no entity is found by the import's last check")
    func brokenReferencesFound() throws {
        let workspace = try emptyWorkspace(.postgres)
        _ = try workspace.importFiles([ImportedFile(path: "plans/strategy.xml", format: "realise-xml", sha256: "a", plan: strategyPlan())])
        let session = try #require(Self.session(of: workspace))
        let found: [String] = try session.transaction("BEGIN") {
            let file = ImportedFile(path: "plans/broken.xml", format: "realise-xml", sha256: "b", plan: Plan())
            let transaction = ImportTransaction(db: session, now: Date(), batchPaths: ["plans/broken.xml"], actor: "test",
                                                versions: SourceVersions(db: session, named: [], reading: [file]))
            try transaction.begin(file)
            #expect(try transaction.brokenReferences() == [])
            let batch = transaction.batch
            try session.execute("""
                INSERT INTO link (kind, from_id, to_id, source_path, source_line, source_format, seen_batch)
                VALUES ('contributes-to', 'D1', 'GHOST-1', 'plans/broken.xml', 3, 'realise-xml', ?)
                """, [batch])
            try session.execute("""
                INSERT INTO metric_value (metric_id, kind, date, value, source_path, source_line, source_format, seen_batch)
                VALUES ('GHOST-2', 'measurement', '2026-01-31', 1, 'plans/broken.xml', 4, 'realise-xml', ?)
                """, [batch])
            try session.execute("UPDATE entity SET seen_batch = ? WHERE id = 'D2'", [batch])
            try session.execute("UPDATE deliverable SET parent = 'GHOST-3' WHERE id = 'D2'")
            return (try transaction.brokenReferences(), false)
        }
        #expect(found.sorted() == ["link D1 → GHOST-1", "parent GHOST-3 of D2", "value of metric GHOST-2"])
        // Rolled back: the workspace is as the first import left it.
        #expect(try workspace.loadPlan().links.allSatisfy { $0.to != "GHOST-1" })
    }

    static func session(of workspace: Workspace) -> PostgresSession? {
        if case .postgres(let session) = workspace.backend { return session }
        return nil
    }
}
