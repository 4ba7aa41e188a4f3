import RealiseModel

/// Writing a chunk, set-based: each kind of row is looked up with one statement for the whole chunk, decided on
/// in memory, and written with a few statements over many rows (`MultiRowStatement`): entities upserted by id,
/// values by metric, kind and day, links by kind and ends; a claim for each value and link stated twice, a
/// revision for each changed baseline and target.
///
/// A chunk that states one key twice is written in parts, cut before the second statement, so that within a
/// part every key is stated once and the second statement is judged against the first as it is stored.
extension ImportTransaction {
    func write(_ chunk: Plan, file: ImportedFile) throws {
        if settled.count >= 16_384 {
            settled.removeAll(keepingCapacity: true)
            lookedUp.removeAll(keepingCapacity: true)
            metricCreatedHere.removeAll(keepingCapacity: true)
        }
        var entities: [EntityWrite] = []
        entities.reserveCapacity(chunk.itemCount)
        entityRows.removeAll()
        // Over a copy of the keys: iterating the dictionary itself while emptying its rows would copy it, rows and all.
        for key in Array(typeRows.keys) { typeRows[key]!.removeAll() }
        for item in chunk.programmes { entities.append(entityWrite(item, EntityTables.programme)) }
        for item in chunk.organisations { entities.append(entityWrite(item, EntityTables.organisation)) }
        for item in chunk.objectives { entities.append(entityWrite(item, EntityTables.objective)) }
        for item in chunk.benefits { entities.append(entityWrite(item, EntityTables.benefit)) }
        for item in chunk.deliverables { entities.append(entityWrite(item, EntityTables.deliverable)) }
        for item in chunk.metrics { entities.append(entityWrite(item, EntityTables.metric)) }
        let valueParts = parts(chunk.values, key: ValueKey.init), linkParts = parts(chunk.links, key: LinkKey.init)
        // The look-ups of the references and of the first parts of values and links go ahead of the entities' writes,
        // which change nothing they read (the chunk's own entities are settled by being written): on PostgreSQL the
        // server answers them with the entities' look-up, and runs the entities' writes while this thread decides on
        // the values and links.
        let valuesAhead = valueParts.first.map(valueLookup), linksAhead = linkParts.first.map(linkLookup)
        let referencesAhead = lookUpAhead(Set(chunk.objectives.compactMap(\.parent) + chunk.deliverables.compactMap(\.parent)
                                              + chunk.values.map(\.metric) + chunk.links.flatMap { [$0.from, $0.to] })
                                              .subtracting(entities.map(\.id)))
        for part in parts(entities, key: \.id) { try writeEntities(part) }
        try settle(referencesAhead)
        for item in chunk.objectives { expect(item.parent, Self.objectives, at: item.source, "parent objective") }
        for item in chunk.deliverables { expect(item.parent, Self.deliverables, at: item.source, "parent deliverable") }
        for value in chunk.values { expect(value.metric, Self.metrics, at: value.source, "metric") }
        for link in chunk.links { expectLink(link) }
        collectReviews(of: chunk)

        for (index, part) in valueParts.enumerated() { try writeValues(part, looked: index == 0 ? valuesAhead : nil) }
        for (index, part) in linkParts.enumerated() { try writeLinks(part, looked: index == 0 ? linksAhead : nil) }
    }

    /// The type a reference may name, each set made once: a set literal in the loops above was a new set per value, 1 % of
    /// the writing thread on an IATI file (callgrind).
    private static let objectives: Set<EntityType> = [.objective]
    private static let deliverables: Set<EntityType> = [.deliverable]
    private static let metrics: Set<EntityType> = [.metric]

    /// `items` cut into parts in which no key comes twice, in order.
    private func parts<T, K: Hashable>(_ items: [T], key: (T) -> K) -> [ArraySlice<T>] {
        var parts: [ArraySlice<T>] = []
        var keys = Set<K>()
        var start = 0
        for index in items.indices where !keys.insert(key(items[index])).inserted {
            parts.append(items[start..<index])
            start = index
            keys = [key(items[index])]
        }
        if start < items.count { parts.append(items[start...]) }
        return parts
    }

    /// An entity about to be written: its `entity` row and its type's row, held in the chunk's rows (`entityRows`,
    /// `typeRows`).
    struct EntityWrite {
        let id: String
        let type: EntityType
        let source: SourceRef
        /// Its content's fingerprint (`EntityStates.hash`).
        let hash: Int64
        /// Its row in `entityRows`; the row's last value, the run that made its current state, is set once the stored
        /// one is known.
        let row: Int
        /// Its row in `typeRows[type]`.
        let typeRow: Int
        /// The statements writing its type's row: over a row the workspace holds, and as a new row.
        let typeStatements: (upsert: MultiRowStatement, insert: MultiRowStatement)
    }

    /// The values of an `entity` row (see `entityStatement(upsert:)`).
    static let entityWidth = 16

    private func entityWrite<E: Entity>(_ entity: E, _ description: EntityTable<E>) -> EntityWrite {
        let source = entity.source
        let row = entityRows.count
        entityRows.append(entity.id)
        EntityStates.appendShared(entity, description, to: &entityRows)
        entityRows.append(storedPath(source.path))
        entityRows.append(source.line)
        entityRows.append(source.column)
        entityRows.append(source.format)
        entityRows.append(source.identifier)
        entityRows.append(batch)
        entityRows.append(batch)
        entityRows.append(nil as Int64?)
        entityRows.append(run)
        let typeRow = typeRows[E.type]?.count ?? 0
        description.write(entity, into: &typeRows[E.type, default: description.rows])
        let hash = EntityStates.hash(shared: entityRows, row: row, own: typeRows[E.type]!, row: typeRow)
        entityRows.set(row * Self.entityWidth + 14, hash)
        return EntityWrite(id: entity.id, type: E.type, source: source, hash: hash, row: row, typeRow: typeRow,
                           typeStatements: typeStatements(description))
    }

    /// Upserts entities (each id once) and their rows of their types' tables, unless an id is taken: by an entity
    /// this import already wrote, or by one the workspace holds from a file this import does not read.
    private func writeEntities(_ part: ArraySlice<EntityWrite>) throws {
        var existing: [String: StoredEntity] = [:]
        let dialect = db.dialect
        try statement("entity-lookup", [.text]) {
            "SELECT e.id, e.type, e.source_path, e.source_line, e.seen_batch, e.withdrawn_run, e.content_hash, e.version_run "
                + "FROM \(dialect.probe($0, "entity", as: "e", on: "e.id = k.column1"))"
        }.each(SQLRows(column: part.map(\.id)), on: db) { row in
            existing[row.string(0)] = StoredEntity(type: row.string(1), path: row.string(2), line: Int(row.int64(3)), seen: row.optionalInt64(4),
                                                   withdrawn: row.optionalInt64(5), hash: row.optionalInt64(6), versionRun: row.optionalInt64(7))
        }
        var accepted: [EntityWrite] = []
        var retyped: [EntityType: [String]] = [:]
        for write in part {
            if let old = existing[write.id] {
                let first = SourceRef(path: old.path, line: old.line, format: "")
                if old.seen == batch {
                    report(Plan.duplicateIdProblem(write.id, at: write.source, first: first))
                    continue
                }
                if old.withdrawn == nil, !batchPaths.contains(old.path), let file,
                   !(try versions.mayTakeOver(old.path, by: file.source, format: file.format, version: versionDate, run: run)) {
                    let existing = (EntityType(rawValue: old.type) ?? .objective, first)
                    report(versions.laterEditions.contains(old.path) ? Plan.sameYearProblem(write.id, at: write.source, existing: existing)
                                                                      : Plan.existingIdProblem(write.id, at: write.source, existing: existing))
                    continue
                }
                // Only a known type's table is named in a statement.
                if old.type != write.type.rawValue, let oldType = EntityType(rawValue: old.type) { retyped[oldType, default: []].append(write.id) }
            }
            if write.type == .metric { metricCreatedHere[write.id] = existing[write.id] == nil }
            accepted.append(write)
        }
        try keepReplacedStates(of: accepted, existing: existing)
        for (type, ids) in retyped.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            try statement("delete-\(type.rawValue)", [.text]) { "DELETE FROM \(type.rawValue) WHERE id IN (\($0))" }
                .send(SQLRows(column: ids), on: db)
        }
        // Rows new to the workspace are inserted plainly: only an import writes entities, one import at a time, so none
        // can have come since they were looked up, and an upsert would probe the index for a conflict first.
        let (fresh, restated) = (accepted.filter { existing[$0.id] == nil }, accepted.filter { existing[$0.id] != nil })
        for (writes, upsert) in [(fresh, false), (restated, true)] where !writes.isEmpty {
            var rows = SQLRows(width: Self.entityWidth)
            for write in writes { rows.append(row: write.row, of: entityRows) }
            try entityStatement(upsert: upsert).send(rows, on: db)
        }
        try sendTypeRows(fresh) { $0.insert }
        try sendTypeRows(restated) { $0.upsert }
        for write in accepted { remember(write.id, write.type) }
    }

    /// Writes each type's rows together, in their order (the statements are per table).
    private func sendTypeRows(_ writes: [EntityWrite],
                              _ pick: ((upsert: MultiRowStatement, insert: MultiRowStatement)) -> MultiRowStatement) throws {
        var byTable: [EntityType: (MultiRowStatement, SQLRows)] = [:]
        var order: [EntityType] = []
        for write in writes {
            guard let all = typeRows[write.type] else { continue }
            if byTable[write.type] == nil {
                order.append(write.type)
                byTable[write.type] = (pick(write.typeStatements), SQLRows(width: all.width))
            }
            byTable[write.type]!.1.append(row: write.typeRow, of: all)
        }
        for type in order { try byTable[type]!.0.send(byTable[type]!.1, on: db) }
    }

    /// `INSERT INTO entity …`, replacing the stored row when `upsert` is true.
    private func entityStatement(upsert: Bool) -> MultiRowStatement {
        let statements = writes("entity", [.text, .text, .text, .text, .text, .text, .text, .text, .integer, .integer, .text, .text,
                                           .integer, .integer, .integer, .integer], insert: """
            INSERT INTO entity (id, type, name, programme, owner, organisation, notes, source_path, source_line, source_column,
                                source_format, source_ref, seen_batch, created_batch, content_hash, version_run)
            """, conflict: """
            ON CONFLICT(id) DO UPDATE SET type = excluded.type, name = excluded.name, programme = excluded.programme,
              owner = excluded.owner, organisation = excluded.organisation, notes = excluded.notes,
              source_path = excluded.source_path, source_line = excluded.source_line, source_column = excluded.source_column,
              source_format = excluded.source_format, source_ref = excluded.source_ref, seen_batch = excluded.seen_batch,
              content_hash = excluded.content_hash, version_run = excluded.version_run, withdrawn_run = NULL
            """)
        return upsert ? statements.upsert : statements.insert
    }

    /// `INSERT INTO <table> (id, <columns>) …`, and the same `ON CONFLICT (id) DO UPDATE SET <columns> = …` (the row replaced).
    private func typeStatements<E: Entity>(_ description: EntityTable<E>) -> (upsert: MultiRowStatement, insert: MultiRowStatement) {
        // Asked for every entity: the texts are made once per type.
        if let known = typeStatementsByType[E.type] { return known }
        let columns = description.columns.map(\.name)
        let update = columns.isEmpty ? "NOTHING" : "UPDATE SET " + columns.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        let made = writes(description.name, [.text] + description.columns.map { $0.type == .real ? .real : .text },
                          insert: "INSERT INTO \(description.name) (\((["id"] + columns).joined(separator: ", ")))",
                          conflict: "ON CONFLICT (id) DO \(update)")
        typeStatementsByType[E.type] = made
        return made
    }

    /// The import's two statements writing rows of one table (`insert`, `INSERT INTO table (columns)`): as rows new to
    /// the workspace, and, with `conflict` (`ON CONFLICT … DO …`), over rows it may hold.
    func writes(_ table: String, _ columns: [MultiRowStatement.Column], insert: String, conflict: String)
        -> (upsert: MultiRowStatement, insert: MultiRowStatement) {
        (upsert: statement("upsert-\(table)", columns) { insert + "\n" + $0 + "\n" + conflict },
         insert: statement("insert-\(table)", columns) { insert + "\n" + $0 })
    }

    /// The import's statement of that name, made the first time.
    func statement(_ name: String, _ columns: [MultiRowStatement.Column], _ make: @escaping (_ rows: String) -> String)
        -> MultiRowStatement {
        if let statement = statements[name] { return statement }
        let statement = MultiRowStatement(columns, make)
        statements[name] = statement
        return statement
    }
}
