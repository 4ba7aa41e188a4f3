import RealiseModel

/// What loading a past plan does to a loaded one (see `Workspace.loadPlan(asOf:programme:)`).
extension Plan {
    /// Removes the entities whose ids `matches`.
    mutating func removeEntities(where matches: (String) -> Bool) {
        programmes.removeAll { matches($0.id) }
        organisations.removeAll { matches($0.id) }
        objectives.removeAll { matches($0.id) }
        benefits.removeAll { matches($0.id) }
        deliverables.removeAll { matches($0.id) }
        metrics.removeAll { matches($0.id) }
    }

    /// Keeps only the entities of `programme`, as `loadPlan(programme:)` selects them.
    mutating func keepProgramme(_ programme: String) {
        programmes.removeAll { $0.programme != programme }
        organisations.removeAll { $0.programme != programme }
        objectives.removeAll { $0.programme != programme }
        benefits.removeAll { $0.programme != programme }
        deliverables.removeAll { $0.programme != programme }
        metrics.removeAll { $0.programme != programme }
    }

    /// Puts entities and links in the order a load gives them (by source file, line and id) and values in theirs (by
    /// metric, day and kind).
    mutating func sortInSourceOrder() {
        func ordered<E: Entity>(_ items: inout [E]) {
            items.sort { ($0.source.path, $0.source.line, $0.id) < ($1.source.path, $1.source.line, $1.id) }
        }
        ordered(&programmes)
        ordered(&organisations)
        ordered(&objectives)
        ordered(&benefits)
        ordered(&deliverables)
        ordered(&metrics)
        links.sort { ($0.source.path, $0.source.line, $0.kind.rawValue, $0.from, $0.to) < ($1.source.path, $1.source.line, $1.kind.rawValue, $1.from, $1.to) }
        values.sort { ($0.metric, $0.date, $0.kind.rawValue) < ($1.metric, $1.date, $1.kind.rawValue) }
    }
}
