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
        let missing = "NOT EXISTS (SELECT 1 FROM entity e WHERE e.id = %@)"
        func absent(_ column: String) -> String { missing.replacingOccurrences(of: "%@", with: column) }
        var broken: [String] = []
        try db.each("""
            SELECT 'link ' || l.from_id || ' → ' || l.to_id FROM link l
              WHERE l.seen_batch = ? AND (\(absent("l.from_id")) OR \(absent("l.to_id")))
            UNION ALL SELECT 'value of metric ' || v.metric_id FROM metric_value v WHERE v.seen_batch = ? AND \(absent("v.metric_id"))
            UNION ALL SELECT 'parent ' || d.parent || ' of ' || d.id FROM deliverable d JOIN entity x ON x.id = d.id
              WHERE x.seen_batch = ? AND d.parent IS NOT NULL AND \(absent("d.parent"))
            UNION ALL SELECT 'parent ' || o.parent || ' of ' || o.id FROM objective o JOIN entity x ON x.id = o.id
              WHERE x.seen_batch = ? AND o.parent IS NOT NULL AND \(absent("o.parent"))
            LIMIT 5
            """, [batch, batch, batch, batch]) { row in
            broken.append(row.string(0))
            return true
        }
        return broken
    }
}
