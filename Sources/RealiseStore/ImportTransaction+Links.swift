import RealiseModel

/// Writing a chunk's links (see `write(_:file:)`): one look-up of the links they may replace, then a few statements
/// over many rows.
extension ImportTransaction {
    /// Sends the look-up of the stored links `part` may replace (see `PendingRows`).
    func linkLookup(_ part: ArraySlice<Link>) -> PendingRows {
        let dialect = db.dialect
        return statement("link-lookup", [.text, .text, .text]) { rows in
            """
            SELECT l.kind, l.from_id, l.to_id, l.id, l.lag_days, l.dependency_type, l.seen_batch, l.withdrawn_run, l.source_path,
                   l.source_line, l.source_format, NULL, NULL, l.share, l.version_run
            FROM \(dialect.probe(rows, "link", as: "l", on: "l.kind = k.column1 AND l.from_id = k.column2 AND l.to_id = k.column3"))
            """
        }.ahead(keys(part), on: db)
    }

    /// Upserts links (each kind and pair of ends once); a link stated again is claimed by both statements.
    func writeLinks(_ part: ArraySlice<Link>, looked: PendingRows? = nil) throws {
        var stored: [LinkKey: StoredRow] = [:]
        try (looked ?? linkLookup(part)).each { row in
            guard let kind: Link.Kind = row.word(0) else { return }
            stored[LinkKey(kind: kind, from: row.string(1), to: row.string(2))] = StoredRow(row, from: 3, details: 11)
        }
        var rows = SQLRows(width: 11), fresh = SQLRows(width: 11)
        var claims = Claims()
        for link in part {
            var versionRun: Int64? = run
            let old = stored[LinkKey(link)]
            if let old {
                if old.seen == batch || old.withdrawn == nil { claims.both("link", old, asStored(link.source), batch: batch) }
                if old.seen == batch { continue }
                // A link's content: its dependency type, lag and share (stored as the row's value, text and confidence).
                let changed = old.value != link.lagDays || old.text != link.dependencyType?.rawValue || old.share != link.share
                if old.withdrawn == nil, !changed { versionRun = old.versionRun }
                if old.withdrawn == nil, changed {
                    let state = Link(kind: link.kind, from: link.from, to: link.to, dependencyType: old.text.flatMap(Link.DependencyType.init(rawValue:)),
                                     lagDays: old.value, share: old.share, source: old.source)
                    keep("link", subject: link.from, item: link.historyItem, content: try EntityStates.json(state),
                         from: old.versionRun, to: run)
                }
            }
            if old == nil { append(link, versionRun, to: &fresh) } else { append(link, versionRun, to: &rows) }
        }
        try flushHistory()
        // A link new to the workspace is inserted plainly (only an import writes links, one import at a time).
        let statements = writes("link", [.text, .text, .text, .text, .real, .real, .text, .integer, .text, .integer, .integer], insert: """
            INSERT INTO link (kind, from_id, to_id, dependency_type, lag_days, share, source_path, source_line, source_format,
                              seen_batch, version_run)
            """, conflict: """
            ON CONFLICT (kind, from_id, to_id) DO UPDATE SET dependency_type = excluded.dependency_type,
              lag_days = excluded.lag_days, share = excluded.share, source_path = excluded.source_path,
              source_line = excluded.source_line, source_format = excluded.source_format, seen_batch = excluded.seen_batch,
              version_run = excluded.version_run, withdrawn_run = NULL
            """)
        try statements.insert.send(fresh, on: db)
        try statements.upsert.send(rows, on: db)
        try write(claims)
    }
}

extension ImportTransaction {
    /// The links' keys as rows of kind, from and to.
    func keys(_ part: ArraySlice<Link>) -> SQLRows {
        var keys = SQLRows(width: 3)
        for link in part {
            keys.append(link.kind.rawValue)
            keys.append(link.from)
            keys.append(link.to)
        }
        return keys
    }

    /// Appends the `link` row stating `link`.
    private func append(_ link: Link, _ versionRun: Int64?, to rows: inout SQLRows) {
        for text in [link.kind.rawValue, link.from, link.to, link.dependencyType?.rawValue] { rows.append(text) }
        rows.append(link.lagDays)
        rows.append(link.share)
        rows.append(storedPath(link.source.path))
        rows.append(link.source.line)
        rows.append(link.source.format)
        rows.append(batch)
        rows.append(versionRun)
    }
}
