import Foundation
import GRDB
import RealiseModel

extension Workspace {
    /// Validates and writes the files in one transaction: all of them or, on any error, none.
    ///
    /// Entities are matched by id and updated in place; what a file no longer has is marked withdrawn;
    /// baseline and target changes are kept as revisions; a file whose SHA-256 matches its latest import
    /// is skipped. References may point at entities in any of the files or already in the workspace.
    /// - Parameter dryRun: validate only; nothing is written.
    /// - Throws: `.rejected` with every located problem, or `.database`.
    public func importFiles(_ files: [ImportedFile], dryRun: Bool = false, now: Date = Date()) throws(StoreError) -> [ImportOutcome] {
        try write { db in
            // SQLite's default page cache (2 MB) is far smaller than a large import's transaction: pages spilled
            // to the WAL mid-transaction are written again each time they are touched afterwards. A larger cache
            // for the importing connection (64 MiB, allocated only as pages are used) writes most pages once.
            try db.execute(sql: "PRAGMA cache_size = -\(Workspace.importCacheKiB)")
            var outcomes: [ImportOutcome] = []
            var changed: [ImportedFile] = []
            var seenPaths = Set<String>()
            // The same file named twice (a folder and a file in it) is imported once.
            for file in files where seenPaths.insert(file.path).inserted {
                let latest = try String.fetchOne(db, sql: "SELECT sha256 FROM import_run WHERE path = ? ORDER BY id DESC LIMIT 1",
                                                 arguments: [file.path])
                if latest == file.sha256 {
                    outcomes.append(ImportOutcome(path: file.path, format: file.format, status: .unchanged,
                                                  counts: file.plan.counts, warnings: file.warnings))
                } else {
                    changed.append(file)
                    outcomes.append(ImportOutcome(path: file.path, format: file.format, status: dryRun ? .checked : .imported,
                                                  counts: file.plan.counts, warnings: file.warnings))
                }
            }
            // Entities of the files being re-imported (every member of a group) may be restated by them.
            let paths = Set(changed.flatMap(\.parts))
            var known: [String: (type: EntityType, source: SourceRef)] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT id, type, source_path, source_line, source_format FROM entity WHERE withdrawn_run IS NULL
                """) where !paths.contains(row["source_path"]) {
                known[row["id"]] = (EntityType(rawValue: row["type"]) ?? .objective,
                                    SourceRef(path: row["source_path"], line: row["source_line"], format: row["source_format"]))
            }
            var merged = Plan()
            for file in changed { merged.merge(file.plan) }
            let problems = merged.validate(known: known, fileOrder: changed.map(\.path)).filter { $0.severity == .error }
            if !problems.isEmpty { throw StoreError.rejected(problems) }
            if dryRun { return outcomes }

            let existingMetrics = Set(try String.fetchAll(db, sql: "SELECT id FROM entity WHERE type = 'metric'"))
            var writer = PlanWriter(db: db, now: now, existingMetrics: existingMetrics)
            for file in changed {
                let (withdrawn, revisions) = try writer.write(file)
                if let index = outcomes.firstIndex(where: { $0.path == file.path && $0.status == .imported }) {
                    outcomes[index].withdrawn = withdrawn
                    outcomes[index].revisions = revisions
                }
            }
            return outcomes
        }
    }

    /// The page cache of an importing connection, in KiB.
    static let importCacheKiB = 65_536

    /// Records one measurement typed in by a person (`realise measure`), replacing any value of the same
    /// metric on the same day.
    public func recordMeasurement(metric: String, value: Double?, text: String?, date: Day, dataSource: String?,
                                  note: String?) throws(StoreError) {
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM entity WHERE id = ? AND type = 'metric' AND withdrawn_run IS NULL",
                                    arguments: [metric]) ?? false else {
                throw StoreError.unknownEntity(id: metric)
            }
            let source = SourceRef.manual("measure")
            try PlanWriter.upsert(db, MetricValue(metric: metric, kind: .measurement, date: date, value: value, text: text,
                                                  note: note, dataSource: dataSource, source: source))
        }
    }
}
