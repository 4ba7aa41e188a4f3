import RealiseModel

extension Workspace {
    /// The entity an id typed by a person names, as the workspace spells it: the exact id, else the one id that
    /// matches it ignoring case (`met-04` → `MET-04`).
    /// - Throws: `.unknownEntity` when no entity matches, `.invalidValue` when several match only ignoring case.
    public func resolveEntity(_ id: String) throws(StoreError) -> (id: String, type: EntityType) {
        try read { db in try Workspace.resolve(db, id) }
    }

    /// `resolveEntity(_:)` inside a transaction.
    static func resolve(_ db: any SQLConnection, _ id: String) throws -> (id: String, type: EntityType) {
        if let type = try db.value("SELECT type FROM entity WHERE id = ? AND withdrawn_run IS NULL", [id], as: String.self)
            .flatMap(EntityType.init(rawValue:)) {
            return (id, type)
        }
        // Only a miss pays for the scan a case-insensitive match needs.
        let matches = try db.fetchAll("SELECT id, type FROM entity WHERE lower(id) = lower(CAST(? AS TEXT)) AND withdrawn_run IS NULL ORDER BY id",
                                      [id])
        guard let match = matches.first, let type = EntityType(rawValue: match["type"] as String) else {
            throw StoreError.unknownEntity(id: id)
        }
        guard matches.count == 1 else {
            let ids = matches.map { $0["id"] as String }.joined(separator: ", ")
            throw StoreError.invalidValue("'\(id)' matches \(ids) when case is ignored; give the id with its exact case")
        }
        return (match["id"], type)
    }

    /// The programme a name typed by a person names, as the entities spell it: exactly, else ignoring case when
    /// only one programme matches.
    static func resolveProgramme(_ db: any SQLConnection, _ typed: String) throws -> String {
        let names = try db.fetchAll("SELECT DISTINCT programme FROM entity WHERE lower(programme) = lower(CAST(? AS TEXT)) AND withdrawn_run IS NULL "
                                    + "ORDER BY programme", [typed]).map { $0["programme"] as String }
        if names.contains(typed) { return typed }
        guard names.count == 1 else {
            throw StoreError.invalidValue(names.isEmpty
                ? "no programme '\(typed)' in the workspace; `realise list objectives` shows each entity's programme"
                : "'\(typed)' matches programmes \(names.joined(separator: ", ")) when case is ignored; give it with its exact case")
        }
        return names[0]
    }

    /// The metric an id typed by a person names (see `resolve(_:_:)`); any other entity is an error that says
    /// which metrics measure it.
    static func resolveMetric(_ db: any SQLConnection, _ id: String) throws -> String {
        let (found, type) = try resolve(db, id)
        guard type != .metric else { return found }
        let metrics = try db.fetchAll("SELECT from_id FROM link WHERE kind = 'measures' AND to_id = ? AND withdrawn_run IS NULL "
                                      + "ORDER BY from_id", [found]).map { $0["from_id"] as String }
        let advice = switch (type, metrics.count) {
        case (.benefit, 0), (.objective, 0): "no metric measures it yet; add one to the plan and measure that"
        case (.benefit, _), (.objective, _): "measure one of its metrics (\(metrics.joined(separator: ", ")))"
        default: "`realise list metrics` shows the metrics"
        }
        throw StoreError.invalidValue("\(found) is \(type.rawValue.withArticle), not a metric: \(advice)")
    }
}

private extension String {
    /// `a benefit`, `an objective`, `an organisation`.
    var withArticle: String { ("aeiou".contains(first ?? "x") ? "an " : "a ") + self }
}
