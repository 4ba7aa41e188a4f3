import Foundation
import GRDB
import RealiseModel

extension Workspace {
    /// Reads the files into the workspace in one transaction: all of them or, on any error, none.
    ///
    /// Each file is streamed: its importer hands over chunks that are validated and written at once (see
    /// `ImportTransaction`), so memory does not grow with the files. Entities are matched by id and updated
    /// in place; what a file no longer has is marked withdrawn; baseline and target changes are kept as
    /// revisions; a file whose SHA-256 matches its latest import is skipped without being read. References
    /// may point at entities in any of the files or already in the workspace.
    /// - Parameters:
    ///   - dryRun: validate only: everything is written and then rolled back.
    ///   - progress: told how far each file has come as its chunks are written (on the calling thread).
    /// - Throws: `.rejected` with every located problem of every file, `.unreadableInput` when a file
    ///   vanished, or `.database`.
    ///   - wait: on a shared (PostgreSQL) workspace, how many seconds to wait for another import to end (nil: as
    ///     long as it takes); `waiting` is told once when the import has to wait at all.
    /// - Throws: `.rejected` with every located problem of every file, `.unreadableInput` when a file
    ///   vanished, `.busy` when another import held the workspace too long, or `.database`.
    ///   - supersedes: sources (by name, as `list imports` shows them) that these files are new versions of: any
    ///     entity they define that one of those sources holds is taken over, and what the old version held and no
    ///     file of this import states is withdrawn.
    public func importFiles(_ files: [ImportedFile], dryRun: Bool = false, now: Date = Date(), wait: Double? = nil,
                            supersedes: [String] = [], waiting: (() -> Void)? = nil,
                            progress: ((ImportProgress) -> Void)? = nil) throws(StoreError) -> [ImportOutcome] {
        do {
            switch backend {
            case .sqlite(let writer):
                return try writer.writeWithoutTransaction { db in
                    // SQLite's default page cache (2 MB) is far smaller than a large import's transaction: pages spilled
                    // to the WAL mid-transaction are written again each time they are touched afterwards. A larger cache
                    // for the importing connection (allocated only as pages are used) writes most pages once.
                    try db.execute(sql: "PRAGMA cache_size = -\(Workspace.importCacheKiB)")
                    // Statement journals (an upsert may have to undo itself alone) go to temporary files by default:
                    // two small writes per row written. In memory they cost nothing and are emptied after each statement.
                    try db.execute(sql: "PRAGMA temp_store = MEMORY")
                    var outcomes: [ImportOutcome] = []
                    try db.inTransaction(.immediate) {
                        outcomes = try importAll(files, db: SQLiteConnection(db), now: now, dryRun: dryRun, supersedes: supersedes,
                                                 progress: progress)
                        return dryRun ? .rollback : .commit
                    }
                    return outcomes
                }
            case .postgres(let session):
                return try session.transaction("BEGIN") {
                    try Workspace.lockForImport(session, wait: wait, waiting: waiting)
                    // The import looks rows up by key, chunk after chunk, in tables it is filling: the server's statistics
                    // (taken before the import, often of empty tables) would have it scan a whole table per look-up. The
                    // unique indexes are always the way; this import's transaction alone is told so.
                    // Nor is compiling a plan worth it: with sequential scans priced out, any statement that must scan
                    // looks costly enough to the planner to be JIT-compiled (270 ms each, measured on an insert).
                    for setting in ["enable_seqscan", "enable_hashjoin", "enable_mergejoin", "jit"] {
                        try session.execute("SET LOCAL \(setting) = off")
                    }
                    return (try importAll(files, db: session, now: now, dryRun: dryRun, supersedes: supersedes, progress: progress), !dryRun)
                }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw .database(path: path, message: explain(error))
        }
    }

    /// The page cache of an importing connection, in KiB.
    static let importCacheKiB = 32_768

    private func importAll(_ files: [ImportedFile], db: any SQLConnection, now: Date, dryRun: Bool, supersedes: [String],
                           progress: ((ImportProgress) -> Void)?) throws -> [ImportOutcome] {
        var outcomes: [ImportOutcome] = []
        var changed: [ImportedFile] = []
        var seenPaths = Set<String>()
        let named = try SourceVersions.named(supersedes, db: db)
        var clashes: [Diagnostic] = []
        // The same file named twice (a folder and a file in it) is imported once. A source is known by its name: the
        // same file read from another folder is unchanged.
        for file in files where seenPaths.insert(file.path).inserted {
            let row = try db.fetchOne("SELECT sha256, counts, warnings, format FROM import_run WHERE path = ? ORDER BY id DESC LIMIT 1",
                                      [file.source])
            // A file of another format under a source's name is another source: taken for a new version of it, it would
            // withdraw what that source holds.
            if let row, let format = row["format"] as String?, format != file.format, file.format != "unknown" {
                clashes.append(Diagnostic(.error, path: file.path, line: 0,
                    "the workspace already has a source named '\(file.source)' read as \(format), and this file reads as \(file.format): "
                        + "it is another source with the same name; rename it, or import it from a folder that names it apart"))
            }
            if let row, (row["sha256"] as String) == file.sha256 {
                let decoder = JSONDecoder()
                let counts = (try? decoder.decode(ImportCounts.self, from: Data((row["counts"] as String).utf8))) ?? ImportCounts()
                let warnings = (try? decoder.decode([Diagnostic].self, from: Data((row["warnings"] as String).utf8))) ?? []
                outcomes.append(ImportOutcome(path: file.path, format: file.format, status: .unchanged, counts: counts, warnings: warnings))
            } else {
                changed.append(file)
                outcomes.append(ImportOutcome(path: file.path, format: file.format, status: dryRun ? .checked : .imported,
                                              counts: ImportCounts(), warnings: []))
            }
        }
        if !clashes.isEmpty { throw StoreError.rejected(clashes) }
        let transaction = ImportTransaction(db: db, now: now, batchPaths: Set(changed.flatMap(\.sourceParts)), actor: actor,
                                            versions: SourceVersions(db: db, named: named, reading: changed))
        transaction.progress = progress
        transaction.fileCount = changed.count
        var readProblems: [Diagnostic] = []
        for file in changed {
            try transaction.begin(file)
            let warnings: [Diagnostic]
            do {
                warnings = try PipelinedRead.read(file, into: transaction)
            } catch let error as any LocatedProblems {
                if error.isMissingInput { throw StoreError.unreadableInput(error.diagnostics) }
                readProblems += error.diagnostics
                continue
            }
            let counts = transaction.counts
            let (withdrawn, revisions) = try transaction.end(warnings: warnings)
            try logChange(db, .import, subject: file.source,
                          summary: "\(file.format): \(counts.summary)"
                              + (withdrawn > 0 ? "; \(withdrawn) withdrawn" : "") + (revisions > 0 ? "; \(revisions) revised" : ""),
                          at: now)
            if let index = outcomes.firstIndex(where: { $0.path == file.path && $0.status != .unchanged }) {
                outcomes[index].counts = counts
                outcomes[index].warnings = warnings
                outcomes[index].withdrawn = withdrawn
                outcomes[index].revisions = revisions
                outcomes[index].behind = transaction.lastBehind
            }
        }
        // A file that could not be read leaves the others unchecked, as their references may point into it.
        if !readProblems.isEmpty { throw StoreError.rejected(readProblems) }
        for (source, superseded) in try transaction.withdrawSuperseded(lastFile: changed.last?.source ?? "") {
            guard let path = changed.first(where: { $0.source == source })?.path,
                  let index = outcomes.firstIndex(where: { $0.path == path && $0.status != .unchanged }) else { continue }
            outcomes[index].withdrawn += superseded.withdrawn
            outcomes[index].supersedes = superseded.parts
        }
        try transaction.checkPendingReferences()
        try transaction.checkReviewMeasurements()
        let problems = transaction.sortedProblems(fileOrder: changed.flatMap(\.parts))
        if !problems.isEmpty { throw StoreError.rejected(problems) }
        let broken = try transaction.brokenReferences()
        if !broken.isEmpty {
            throw StoreError.database(path: path, message: "the import would have written references to entities the workspace "
                + "does not hold (\(broken.joined(separator: "; "))); nothing was written. This is a fault in Realise: please "
                + "report it with the files imported")
        }
        try writeImportedReviews(transaction, db: db, now: now)
        return outcomes
    }
}

extension Workspace {
    /// Makes people recording a value of one metric on one day wait for each other, so each reads the value it
    /// replaces — for the change log — only once the one before has committed. On PostgreSQL, a lock for the rest of
    /// the transaction; SQLite's write transactions already run one at a time.
    static func lockTypedInValue(_ db: any SQLConnection, metric: String, date: Day) throws {
        guard let session = db as? PostgresSession else { return }
        let name = "\(session.address.schema)\u{0}\(metric)\u{0}\(date)"
        try db.execute("SELECT pg_advisory_xact_lock(?)", [PostgresLocks.key(of: name, .typedInValue)])
    }
}

extension Workspace {
    /// Imports files already read into memory (see `importFiles(_:dryRun:now:)`).
    public func importFiles(_ files: [LoadedFile], dryRun: Bool = false, now: Date = Date()) throws(StoreError) -> [ImportOutcome] {
        try importFiles(files.map(\.unit), dryRun: dryRun, now: now)
    }
}
