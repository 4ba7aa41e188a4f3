/// The last look at what an import wrote, on PostgreSQL, before it commits.
extension ImportTransaction {
    /// Checks, set-based, that every parent, link end and value's metric this import wrote names an entity the
    /// workspace holds. On PostgreSQL these references have no foreign keys (a trigger query per row was a third of
    /// a large import's time; see `Workspace.postgresMigrations`), so this is the database's own guarantee, once per
    /// import: the import has already checked each reference as it read it, and a broken one found here is a fault
    /// of Realise's. SQLite checks its foreign keys itself.
    /// - Returns: up to five broken references, worded (`link A → B`); the caller refuses the import.
    func brokenReferences() throws -> [String] {
        guard db.dialect == .postgres, batch != 0 else { return [] }
        func absent(_ column: String) -> String { "NOT EXISTS (SELECT 1 FROM entity e WHERE e.id = \(column))" }
        // A parent is checked for the entities this import stated, in each table that has one.
        let parents = ["deliverable", "objective"].map { table in
            """
            SELECT 'parent ' || t.parent || ' of ' || t.id FROM \(table) t JOIN entity x ON x.id = t.id
              WHERE x.seen_batch = ? AND t.parent IS NOT NULL AND \(absent("t.parent"))
            """
        }
        var broken: [String] = []
        try db.each("""
            SELECT 'link ' || l.from_id || ' → ' || l.to_id FROM link l
              WHERE l.seen_batch = ? AND (\(absent("l.from_id")) OR \(absent("l.to_id")))
            UNION ALL SELECT 'value of metric ' || v.metric_id FROM metric_value v WHERE v.seen_batch = ? AND \(absent("v.metric_id"))
            UNION ALL \(parents.joined(separator: "\nUNION ALL "))
            LIMIT 5
            """, Array(repeating: batch, count: 2 + parents.count)) { row in
            broken.append(row.string(0))
            return true
        }
        return broken
    }
}
