import GRDB
import Testing
@testable import RealiseStore

/// SQLite checks deferred foreign keys from the parent side as well: while a reference waits for its entity
/// in an import, every entity inserted looks up the rows that refer to it. Without an index that look-up is
/// a scan of the whole child table per entity.
@Suite("Schema indexes")
struct SchemaIndexTests {
    @Test("every column that refers to another table leads an index")
    func foreignKeysIndexed() throws {
        let workspace = try Workspace()
        let missing = try workspace.writer.read { db -> [String] in
            var missing: [String] = []
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            for table in tables {
                let referencing = try String.fetchAll(db, sql: "SELECT \"from\" FROM pragma_foreign_key_list(?)", arguments: [table])
                let leading = Set(try String.fetchAll(db, sql: """
                    SELECT (SELECT name FROM pragma_index_info(il.name) WHERE seqno = 0) FROM pragma_index_list(?) AS il
                    """, arguments: [table]))
                // An INTEGER PRIMARY KEY or a text primary key is its table's own index.
                let primary = Set(try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?) WHERE pk = 1", arguments: [table]))
                for column in referencing where !leading.contains(column) && !primary.contains(column)
                    && column != "withdrawn_run" && column != "import_run_id" && column != "review_id" {
                    missing.append("\(table).\(column)")
                }
            }
            return missing
        }
        #expect(missing == [])
    }
}
