import Foundation

extension Workspace {
    /// Every table of a workspace, in an order that inserts what a row refers to before the row, with the columns
    /// that order its rows (their keys), for `copy(to:replace:)`.
    static let copiedTables: [(table: String, order: String)] = [
        ("import_run", "id"), ("entity", "id"), ("programme", "id"), ("organisation", "id"), ("objective", "id"),
        ("benefit", "id"), ("deliverable", "id"), ("metric", "id"), ("review_schedule", "id"), ("review", "id"),
        ("action_item", "id"), ("metric_value", "id"), ("link", "id"), ("claim", "kind, ref_id, source_path"), ("revision", "id"),
        ("change_log", "id"), ("history", "id"), ("account", "name"), ("access_token", "token_hash"),
    ]

    /// Copies this whole workspace — plan, history, reviews, schedules, change log, row ids included — into
    /// `destination`, in one transaction there (all or nothing) while this one is read as one snapshot. The copy
    /// exports byte for byte as this one does, whichever backends the two are on. The destination's change log
    /// records the copy, as made by its actor.
    /// - Parameter replace: empty a destination that holds anything first; without it such a destination is refused.
    /// - Returns: how many rows were copied.
    /// - Throws: `.notEmpty` when the destination holds data and `replace` is false (nothing is written), or
    ///   `.database`.
    public func copy(to destination: Workspace, replace: Bool, now: Date = Date()) throws(StoreError) -> Int {
        try read { source in
            try destination.write { target in
                let held = try Workspace.copiedTables.reduce(0) { total, table in
                    total + (try target.value("SELECT count(*) FROM \(table.table)", as: Int.self) ?? 0)
                }
                if held > 0 {
                    guard replace else { throw StoreError.notEmpty(path: destination.path, rows: held) }
                    for (table, _) in Workspace.copiedTables.reversed() { try target.execute("DELETE FROM \(table)") }
                }
                var copied = 0
                for (table, order) in Workspace.copiedTables {
                    copied += try Workspace.copyRows(of: table, orderedBy: order, from: source, to: target)
                }
                try Workspace.advanceIdentities(target)
                try destination.logChange(target, .copy, subject: nil, summary: "copied from \(path): \(copied) rows", at: now)
                return copied
            }
        }
    }

    /// Copies one table's rows as they are, by column name (both workspaces have the same schema: each was
    /// migrated on opening).
    private static func copyRows(of table: String, orderedBy order: String, from source: any SQLConnection,
                                 to target: any SQLConnection) throws -> Int {
        var insert: String?
        var count = 0
        try source.each("SELECT * FROM \(table) ORDER BY \(order)", []) { row in
            if insert == nil {
                let names = row.columnNames
                insert = "INSERT INTO \(table) (\(names.joined(separator: ", "))) VALUES ("
                    + Array(repeating: "?", count: names.count).joined(separator: ", ") + ")"
            }
            try target.execute(insert!, row.values)
            count += 1
            return true
        }
        return count
    }

    /// PostgreSQL hands out ids from a sequence that rows inserted with their own ids do not move: each is set past
    /// the largest id copied. (SQLite's AUTOINCREMENT follows the ids inserted by itself.)
    private static func advanceIdentities(_ target: any SQLConnection) throws {
        guard target.dialect == .postgres else { return }
        for (table, order) in copiedTables where order == "id" {
            let sequence = try target.value("SELECT pg_get_serial_sequence(?, 'id')", [table], as: String.self)
            guard let sequence else { continue }
            try target.execute("SELECT setval(CAST(? AS regclass), COALESCE((SELECT max(id) FROM \(table)), 0) + 1, false)",
                               [sequence])
        }
    }
}
