import GRDB
import RealiseModel

/// What a re-imported file no longer states, withdrawn (kept, marked with the run) with set-based statements.
extension ImportTransaction {
    /// Marks withdrawn every entity this file (any member of a group) held and did not state this time, and
    /// every value and link it stated before and no file states any more; a value or link still stated by
    /// another file stays, credited to that file. A withdrawn baseline or target is a revision.
    /// - Returns: how many things were withdrawn.
    func withdrawMissing(from file: ImportedFile) throws -> Int {
        let (inParts, parts) = ImportTransaction.among(file.parts)
        var withdrawn = 0
        try db.execute(sql: """
            UPDATE entity SET withdrawn_run = ?
            WHERE source_path \(inParts) AND withdrawn_run IS NULL AND seen_batch IS NOT ?
            """, arguments: StatementArguments([run]) + parts + StatementArguments([batch]))
        withdrawn += db.changesCount

        // The claims this file made before and not this time.
        try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS stale_claim (kind TEXT NOT NULL, ref_id INTEGER NOT NULL)")
        try db.execute(sql: "DELETE FROM stale_claim")
        try db.execute(sql: """
            INSERT INTO stale_claim SELECT kind, ref_id FROM claim WHERE source_path \(inParts) AND seen_batch IS NOT ?
            """, arguments: parts + StatementArguments([batch]))
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM stale_claim)") == true else { return withdrawn }
        try db.execute(sql: "DELETE FROM claim WHERE source_path \(inParts) AND seen_batch IS NOT ?", arguments: parts + StatementArguments([batch]))

        for (kind, table) in [("value", "metric_value"), ("link", "link")] {
            let stale = "id IN (SELECT ref_id FROM stale_claim WHERE kind = '\(kind)')"
            let claimed = "EXISTS (SELECT 1 FROM claim WHERE kind = '\(kind)' AND ref_id = \(table).id)"
            // Still stated by another file: credited to it.
            try db.execute(sql: """
                UPDATE \(table) SET (source_path, source_line) =
                  (SELECT source_path, source_line FROM claim WHERE kind = '\(kind)' AND ref_id = \(table).id LIMIT 1)
                WHERE \(stale) AND source_path \(inParts) AND \(claimed)
                """, arguments: parts)
            let unclaimed = "\(stale) AND withdrawn_run IS NULL AND source_format != 'manual' AND NOT \(claimed)"
            if kind == "value" {
                try db.execute(sql: """
                    INSERT INTO revision (metric_id, kind, date, old_value, old_text, new_value, new_text, import_run_id, recorded_at)
                    SELECT metric_id, kind, date, value, text, NULL, NULL, ?, ? FROM metric_value
                    WHERE \(unclaimed) AND kind != 'measurement' ORDER BY id
                    """, arguments: [run, timestamp])
                revisions += db.changesCount
            }
            try db.execute(sql: "UPDATE \(table) SET withdrawn_run = ? WHERE \(unclaimed)", arguments: [run])
            withdrawn += db.changesCount
        }
        return withdrawn
    }

    /// `IN (?, …)` for the paths of a file's parts, with the paths as arguments.
    static func among(_ paths: [String]) -> (sql: String, arguments: StatementArguments) {
        ("IN (" + Array(repeating: "?", count: paths.count).joined(separator: ", ") + ")", StatementArguments(paths))
    }
}
