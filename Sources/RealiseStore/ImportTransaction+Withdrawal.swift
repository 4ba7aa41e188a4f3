import RealiseModel

/// What a re-imported file no longer states, withdrawn (kept, marked with the run) with set-based statements.
extension ImportTransaction {
    /// Marks withdrawn every entity this file (any member of a group) held and did not state this time, and
    /// every value and link credited to it that it no longer states, unless another file still states it
    /// (has a claim on it): then it stays, credited to that file. A withdrawn baseline or target is a revision.
    /// - Returns: how many things were withdrawn.
    func withdrawMissing(from file: ImportedFile) throws -> Int {
        try withdrawMissing(parts: file.sourceParts)
    }

    /// Withdraws what the sources this import took over (see `SourceVersions`) held and no file of it stated, each
    /// in the run that took it over, and records in that run which sources it superseded.
    /// A source named by `--supersedes` that no file took an id over from is superseded by the import's last file.
    /// - Returns: by the source name of the file that took them over, the source parts it superseded and how many
    ///   things were withdrawn.
    func withdrawSuperseded(lastFile: String) throws -> [String: (parts: [String], withdrawn: Int)] {
        var parts = versions.takenOver
        for part in try versions.namedParts() where !parts.contains(where: { $0.part == part }) { parts.append((part, run, lastFile)) }
        var superseded: [String: (parts: [String], withdrawn: Int)] = [:]
        for (run, group) in Dictionary(grouping: parts, by: \.run).sorted(by: { $0.key < $1.key }) {
            let names = group.map(\.part).sorted()
            let withdrawn = try withdrawMissing(parts: names, run: run)
            superseded[group[0].by] = (names, withdrawn)
            try db.send("UPDATE import_run SET supersedes = ? WHERE id = ?", [names.joined(separator: "\n"), run])
            try markNewVersion(run)
        }
        return superseded
    }

    /// Withdraws what the source parts `paths` held and this import did not state (see `withdrawMissing(from:)`), in `run`.
    private func withdrawMissing(parts paths: [String], run: Int64? = nil) throws -> Int {
        let run = run ?? self.run
        let (inParts, parts) = ImportTransaction.among(paths)
        guard try heldBefore(inParts, parts) else { return 0 }
        var withdrawn = 0
        try keepWithdrawnEntities(inParts: inParts, parts, run: run)
        withdrawn += try db.execute("""
            UPDATE entity SET withdrawn_run = ?
            WHERE source_path \(inParts) AND withdrawn_run IS NULL AND seen_batch IS DISTINCT FROM ?
            """, [run] + parts + [batch])

        // Claims this file made before, as one of several files stating a value or link, and not this time.
        try db.execute("DELETE FROM claim WHERE source_path \(inParts) AND seen_batch IS DISTINCT FROM ?", parts + [batch])
        for (kind, table) in [("value", "metric_value"), ("link", "link")] {
            // Values and links credited to this file that it no longer states.
            let stale = "source_path \(inParts) AND seen_batch IS DISTINCT FROM ? AND withdrawn_run IS NULL AND source_format != 'manual'"
            let staleArguments = parts + [batch]
            let otherClaim = "FROM claim WHERE kind = '\(kind)' AND ref_id = \(table).id AND source_path NOT \(inParts)"
            // Still stated by another file: credited to it.
            try db.execute("""
                UPDATE \(table) SET (source_path, source_line) = (SELECT source_path, source_line \(otherClaim) LIMIT 1)
                WHERE \(stale) AND EXISTS (SELECT 1 \(otherClaim))
                """, parts + staleArguments + parts)
            if kind == "value" {
                revisions += try db.execute("""
                    INSERT INTO revision (metric_id, kind, date, old_value, old_text, new_value, new_text, import_run_id, recorded_at)
                    SELECT metric_id, kind, date, value, text, NULL, NULL, ?, ? FROM metric_value
                    WHERE \(stale) AND kind != 'measurement' ORDER BY id
                    """, [run, timestamp] + staleArguments)
            }
            try keepWithdrawnRows(of: table, where: stale, staleArguments, run: run)
            withdrawn += try db.execute("UPDATE \(table) SET withdrawn_run = ? WHERE \(stale)", [run] + staleArguments)
        }
        return withdrawn
    }

    /// Whether the workspace held, before this import, anything credited to the parts (`source_path \(inParts)`): when
    /// it did not, as on a source's first import, everything credited to them now was stated by this import, and there
    /// is nothing to withdraw. On SQLite each table's source index holds its entries in row id order within a path, and
    /// rows this import inserted have row ids above those the table had when it began (`rowsBefore`), so the question is
    /// one index probe per table instead of the statements below, each a pass over every row of the source: a tenth of
    /// a first import of a register's measurements. Elsewhere (PostgreSQL) the statements run as they are.
    private func heldBefore(_ inParts: String, _ parts: SQLArguments) throws -> Bool {
        guard let rowsBefore else { return true }
        for (table, before) in rowsBefore where before > 0 {
            if try db.value("SELECT 1 FROM \(table) WHERE source_path \(inParts) AND rowid <= ? LIMIT 1", parts + [before],
                            as: Int64.self) != nil { return true }
        }
        return false
    }

    /// On SQLite, the largest row id of each table a file's parts are credited in, as the import began (see `heldBefore`).
    static func rowsBefore(_ db: any SQLConnection) throws -> [(String, Int64)]? {
        guard db.dialect == .sqlite else { return nil }
        return try ["entity", "claim", "metric_value", "link"].map { ($0, try db.value("SELECT max(rowid) FROM \($0)", as: Int64.self) ?? 0) }
    }

    /// `IN (?, …)` for the paths of a file's parts, with the paths as arguments.
    static func among(_ paths: [String]) -> (sql: String, arguments: SQLArguments) {
        ("IN (" + Array(repeating: "?", count: paths.count).joined(separator: ", ") + ")", paths)
    }
}
