import RealiseModel

/// A GMPP return of an earlier year than one the workspace holds: it is added to history, behind the later year,
/// without touching the current plan. Its projects, benefits and values become the states in force from its year
/// until the next later return's; that return's states are then dated by its own year instead of standing from the
/// beginning.
extension ImportTransaction {
    /// The run of the earliest GMPP return held that is of a later year than `day`, when the current file is a GMPP
    /// return: the file then goes into history behind it.
    func laterEdition(than day: Day) throws -> Int64? {
        guard file?.format == ImportedFile.yearlyEditionFormat else { return nil }
        return try db.value("""
            SELECT id FROM import_run WHERE format = ? AND version_date > ? AND id < ?
            ORDER BY version_date, id LIMIT 1
            """, [ImportedFile.yearlyEditionFormat, day.description, run], as: Int64.self)
    }

    /// Keeps every entity, value and link of `chunk` as a state of this run, ended by `later`, stored under the
    /// source name they were read from.
    func keepAsEarlierEdition(_ chunk: Plan, endedBy later: Int64) throws {
        func each<E: RelocatableEntity>(_ items: [E]) throws {
            for var item in items {
                item.source.path = storedPath(item.source.path)
                keep(E.type.rawValue, subject: item.id, item: item.id, content: try EntityStates.json(item), from: run, to: later)
            }
        }
        try each(chunk.programmes)
        try each(chunk.organisations)
        try each(chunk.objectives)
        try each(chunk.benefits)
        try each(chunk.deliverables)
        try each(chunk.metrics)
        for var value in chunk.values {
            value.source.path = storedPath(value.source.path)
            keep("value", subject: value.metric, item: value.historyItem, content: try EntityStates.json(value), from: run, to: later)
        }
        for var link in chunk.links {
            link.source.path = storedPath(link.source.path)
            keep("link", subject: link.from, item: link.historyItem, content: try EntityStates.json(link), from: run, to: later)
        }
        try flushHistory()
    }

    /// Dates the runs an earlier edition now precedes, and this one when an even earlier edition precedes it; the
    /// states of even earlier editions that `later` ended now end where this one begins.
    func dateEditions(before later: Int64) throws {
        try db.send("""
            UPDATE history SET to_run = ?
            WHERE to_run = ? AND from_run IN (SELECT id FROM import_run WHERE format = ? AND version_date < ?)
            """, [run, later, ImportedFile.yearlyEditionFormat, versionDate?.description])
        if let day = versionDate,
           try db.value("SELECT 1 FROM import_run WHERE format = ? AND version_date < ? AND id < ? LIMIT 1",
                        [ImportedFile.yearlyEditionFormat, day.description, run], as: Int.self) != nil {
            try markNewVersion(run)
        }
        for later in try db.fetchAll("""
            SELECT id FROM import_run WHERE format = ? AND version_date > ? AND in_force IS NULL AND id < ? ORDER BY id
            """, [ImportedFile.yearlyEditionFormat, versionDate?.description, run]) {
            try markNewVersion(later["id"])
        }
    }
}

/// An entity whose source can be set: history keeps it under the source name it was read from.
protocol RelocatableEntity: Entity {
    var source: SourceRef { get set }
}

extension Programme: RelocatableEntity {}
extension Organisation: RelocatableEntity {}
extension Objective: RelocatableEntity {}
extension Benefit: RelocatableEntity {}
extension Deliverable: RelocatableEntity {}
extension Metric: RelocatableEntity {}
