import RealiseModel

/// A reference read from a file that could not be settled at once.
struct PendingReference {
    /// The referenced id, or for a link its `from` end (`link` holds both).
    var id: String
    var allowed: Set<EntityType>
    var source: SourceRef
    var role: String
    var link: Link?
}

/// Checking references as they are read, against what the workspace holds and this import has written so far.
///
/// An id is *settled* when this import wrote it, or when the workspace holds it (not withdrawn) from a file
/// this import does not read: nothing later in the import can then take it away. A reference to anything
/// else — an id defined further on, or one a file of this import may yet withdraw — waits until every file
/// has been written.
extension ImportTransaction {
    /// Notes that this import wrote `id` as a `type`.
    func remember(_ id: String, _ type: EntityType) {
        settled[id] = type
    }

    /// Looks up the ids of `ids` not settled or looked up yet: those settled are remembered, and metrics' creation
    /// noted (see `metricCreatedHere`).
    func lookUp(_ ids: Set<String>) throws {
        try settle(lookUpAhead(ids))
    }

    /// Sends the look-up of `lookUp(_:)` (nil when every id is settled or looked up already), for `settle(_:)` to read.
    func lookUpAhead(_ ids: Set<String>) -> PendingRows? {
        let unknown = ids.filter { !$0.isEmpty && settled[$0] == nil && !lookedUp.contains($0) }
        guard !unknown.isEmpty else { return nil }
        lookedUp.formUnion(unknown)
        let dialect = db.dialect
        return statement("settle-lookup", [.text]) {
            "SELECT e.id, e.type, e.source_path, e.seen_batch, e.withdrawn_run, e.created_batch "
                + "FROM \(dialect.probe($0, "entity", as: "e", on: "e.id = k.column1"))"
        }.ahead(SQLRows(column: unknown), on: db)
    }

    /// Remembers the ids of a look-up that are settled.
    func settle(_ rows: PendingRows?) throws {
        try rows?.each { row in
            let id = row.string(0)
            guard let type = EntityType(rawValue: row.string(1)) else { return }
            if type == .metric { metricCreatedHere[id] = row.optionalInt64(5) == batch }
            let writtenHere = row.optionalInt64(3) == batch
            // An entity of a source this import may take over may yet be withdrawn.
            let stable = row.isNull(4) && !batchPaths.contains(row.string(2)) && !versions.mayBeTakenOver(row.string(2))
            if writtenHere || stable { remember(id, type) }
        }
    }

    /// The type of a settled id, or nil when it is not settled (yet).
    func settledType(of id: String) throws -> EntityType? {
        if let type = settled[id] { return type }
        if lookedUp.contains(id) { return nil }
        try lookUp([id])
        return settled[id]
    }

    /// Checks a reference to `id` (nil or empty: none) now if it is settled, else when the import ends.
    func expect(_ id: String?, _ allowed: Set<EntityType>, at source: SourceRef, _ role: String) {
        guard let id, !id.isEmpty else { return }
        do {
            if let type = try settledType(of: id) {
                if let problem = Plan.referenceProblem(id, type: type, allowed: allowed, at: source, role: role) { report(problem) }
                return
            }
        } catch {}
        pending.append(PendingReference(id: id, allowed: allowed, source: source, role: role))
    }

    /// Checks a link's ends and kind now if both ends are settled, else when the import ends.
    func expectLink(_ link: Link) {
        if let from = try? settledType(of: link.from), let to = try? settledType(of: link.to) {
            if let problem = Plan.referenceProblem(of: link, fromType: from, toType: to) { report(problem) }
            return
        }
        pending.append(PendingReference(id: link.from, allowed: [], source: link.source, role: "", link: link))
    }

    /// Checks the references left waiting, once every file has been written and has withdrawn what it no
    /// longer states: each must name an entity the workspace now holds, of a type it allows.
    func checkPendingReferences() throws {
        var types: [String: EntityType] = [:]
        let ids = pending.flatMap { reference in reference.link.map { [$0.from, $0.to] } ?? [reference.id] }
        let unknown = Array(Set(ids.filter { settled[$0] == nil }))
        let dialect = db.dialect
        try statement("pending-lookup", [.text]) {
            "SELECT e.id, e.type FROM \(dialect.probe($0, "entity", as: "e", on: "e.id = k.column1")) WHERE e.withdrawn_run IS NULL"
        }.each(SQLRows(column: unknown), on: db) { row in
            types[row.string(0)] = EntityType(rawValue: row.string(1))
        }
        func type(of id: String) -> EntityType? { settled[id] ?? types[id] }
        for reference in pending {
            if let link = reference.link {
                if let problem = Plan.referenceProblem(of: link, fromType: type(of: link.from), toType: type(of: link.to)) {
                    report(problem)
                }
            } else if let problem = Plan.referenceProblem(reference.id, type: type(of: reference.id), allowed: reference.allowed,
                                                          at: reference.source, role: reference.role) {
                report(problem)
            }
        }
        pending.removeAll()
    }
}

extension ImportTransaction {
    /// Checks the parents the current file gave deliverables it handed over earlier, each as a reference read at the
    /// deliverable's stored source (a deliverable the file did not write is not checked). The parents' types and the
    /// deliverables' sources are looked up with one statement each for them all: one look-up per amendment made
    /// PostgreSQL answer everything sent before it first, 5 965 times in a 20 000-activity IATI file.
    func checkAmendedParents() throws {
        guard !amendedParents.isEmpty else { return }
        defer { amendedParents.removeAll() }
        try lookUp(Set(amendedParents.map(\.parent)))
        var sources: [String: SourceRef] = [:]
        let dialect = db.dialect
        try statement("entity-source", [.text]) {
            "SELECT e.id, e.source_path, e.source_line, e.source_column, e.source_format "
                + "FROM \(dialect.probe($0, "entity", as: "e", on: "e.id = k.column1"))"
        }.each(SQLRows(column: Array(Set(amendedParents.map(\.child)))), on: db) { row in
            sources[row.string(0)] = SourceRef(path: row.string(1), line: Int(row.int64(2)), column: Int(row.int64(3)),
                                               format: row.string(4))
        }
        for (child, parent) in amendedParents {
            if let source = sources[child] { expect(parent, [.deliverable], at: source, "parent deliverable") }
        }
    }
}
