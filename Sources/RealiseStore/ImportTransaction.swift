import Foundation
import RealiseModel

/// One import, streamed: the files are read one after another inside one write transaction, and every chunk
/// an importer hands over is validated and written at once, so memory does not grow with the files.
///
/// Rows written by this import are marked with its batch number (the id of its first import run), which
/// tells a second statement of an id within the import from the first, and lets each file withdraw what it
/// no longer states with a few set-based statements. References that cannot be settled when they are read
/// (forward references, or entities that a file of this import may still withdraw) are checked at the end.
/// Problems are collected, not thrown, so that one run shows everything to fix; the caller rolls back when
/// there are any.
final class ImportTransaction: PipelinedRead.CheckingSink {
    let db: any SQLConnection
    let timestamp: String
    /// The day of the import where it runs (local time, as the command line's "today" is).
    let importDay: Day
    /// Every part of every file this import reads, by source name: an entity from one may be restated by any of them.
    let batchPaths: Set<String>
    /// Who imports.
    let actor: String
    /// The sources this import may take over, and those it did.
    let versions: SourceVersions
    /// The current file's parts' source names, by the path they are read from (see `storedPath(_:)`).
    private var sourceNames: [String: String] = [:]
    private var lastPath = "", lastName = ""
    /// The day the current file says its version was made (see `PlanSink.dated(_:)`).
    private(set) var versionDate: Day?
    /// When the current file is a GMPP return of an earlier year than one held, that return's run: the file goes
    /// into history behind it (see `keepAsEarlierEdition(_:endedBy:)`).
    private var earlierEditionOf: Int64?
    /// The source of the later GMPP year the last file ended went into history behind, if it did.
    private(set) var lastBehind: String?
    /// The id of this import's first run; 0 until a file begins.
    private(set) var batch: Int64 = 0
    /// The current file's run.
    private(set) var run: Int64 = 0
    private(set) var file: ImportedFile?
    /// What the current file has handed over so far.
    private(set) var counts = ImportCounts()
    /// Revisions of baselines and targets recorded for the current file.
    var revisions = 0
    /// Revisions noted and not yet written: nine values each (see `revise(_:old:)`).
    var pendingRevisions = SQLRows(width: 9)
    /// Replaced and withdrawn states noted and not yet written: six values each (see `keep(_:subject:item:content:from:to:)`).
    var pendingHistory = SQLRows(width: 6)
    /// Validation problems of every file so far (errors only), at most `problemLimit` of them.
    private(set) var problems: [Diagnostic] = []
    /// Problems beyond `problemLimit`, counted only.
    private(set) var omittedProblems = 0
    /// A database failure while taking a chunk (a sink cannot throw); raised when the file ends.
    private var failure: (any Error)?
    /// Entity types settled for this import (see `settledType(of:)`); emptied when it grows large.
    var settled: [String: EntityType] = [:]
    /// Ids looked up in the workspace since `settled` was last emptied: one not settled then is not settled until
    /// this import writes it (and `remember(_:_:)` settles it), so it need not be looked up again.
    var lookedUp: Set<String> = []
    /// Whether each metric met so far was created by this import (its first baselines and targets are then not
    /// revisions); emptied with `settled`.
    var metricCreatedHere: [String: Bool] = [:]
    /// References that could not be settled when read: checked when every file has been written.
    var pending: [PendingReference] = []
    /// The parents the current file gave deliverables it handed over earlier (`amend`), checked together when it ends.
    var amendedParents: [(child: String, parent: String)] = []
    /// Review schedules and reviews read so far: written when every file has been (see `collectReviews(of:)`).
    var schedulesToWrite: [ScheduledReview] = []
    var reviewsToWrite: [RecordedReview] = []
    /// The import's statements over many rows (see `MultiRowStatement`), by name, made once per import.
    var statements: [String: MultiRowStatement] = [:]
    /// The current chunk's `entity` rows and its rows of each type's own table, as read (see `write(_:file:)`).
    var entityRows = SQLRows(width: ImportTransaction.entityWidth)
    var typeRows: [EntityType: SQLRows] = [:]
    /// The statements writing each entity type's own rows (see `typeStatements(_:)`).
    var typeStatementsByType: [EntityType: (upsert: MultiRowStatement, insert: MultiRowStatement)] = [:]
    /// See `rowsBefore(_:)`: read when the first file begins.
    var rowsBefore: [(String, Int64)]?
    /// Told how far each file has come.
    var progress: ((ImportProgress) -> Void)?
    /// The current file's place among the files read, and their number.
    var fileNumber = 0
    var fileCount = 0
    /// Items the current file has handed over.
    private var items = 0
    /// The total of the last `reached(_:of:)`, to report the file complete when it ends.
    private var lastTotal = 0

    static let problemLimit = 1_000

    init(db: any SQLConnection, now: Date, batchPaths: Set<String>, actor: String, versions: SourceVersions) {
        self.db = db
        timestamp = ISO8601DateFormatter().string(from: now)
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: now)
        importDay = Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(dayNumber: 0)
        self.batchPaths = batchPaths
        self.actor = actor
        self.versions = versions
    }

    /// Starts a file: records its import run (counts and warnings follow when it ends).
    func begin(_ file: ImportedFile) throws {
        run = try db.insert("""
            INSERT INTO import_run (path, format, sha256, imported_at, counts, warnings, location, actor)
            VALUES (?, ?, ?, ?, '{}', '[]', ?, ?)
            RETURNING id
            """, [file.source, file.format, file.sha256, timestamp, Workspace.absolute(file.path), actor])
        if batch == 0 {
            batch = run
            rowsBefore = try ImportTransaction.rowsBefore(db)
        }
        self.file = file
        sourceNames = Dictionary(zip(file.parts, file.sourceParts), uniquingKeysWith: { first, _ in first })
        (lastPath, lastName) = ("", "")
        amendedParents.removeAll()  // a file whose reading failed never reached `end`, where they are checked
        versionDate = nil
        earlierEditionOf = nil
        counts = ImportCounts()
        revisions = 0
        items = 0
        lastTotal = 0
        fileNumber += 1
    }

    func take(_ chunk: Plan) { take(chunk, localProblems: chunk.localProblems) }

    /// Takes a chunk whose local problems (`Plan.localProblems`) were found where it was read.
    func take(_ chunk: Plan, localProblems: [Diagnostic]) {
        guard failure == nil, let file else { return }
        counts = counts + chunk.counts
        items += chunk.itemCount
        for problem in localProblems where problem.severity == .error { report(problem) }
        do {
            if let later = earlierEditionOf { try keepAsEarlierEdition(chunk, endedBy: later) } else { try write(chunk, file: file) }
        } catch { failure = error }
    }

    func amend(deliverable id: String, parent: String?, appendingNotes lines: [String]) {
        guard failure == nil, earlierEditionOf == nil else { return }
        do {
            if let parent {
                try db.send("UPDATE deliverable SET parent = ? WHERE id = ?", [parent, id])
                amendedParents.append((id, parent))
            }
            if !lines.isEmpty {
                let added = lines.joined(separator: "\n")
                try db.send("""
                    UPDATE entity SET notes = CASE WHEN notes IS NULL OR notes = '' THEN ? ELSE notes || ? END
                    WHERE id = ? AND seen_batch = ?
                    """, [added, "\n" + added, id, batch])
            }
        } catch { failure = error }
    }

    func dated(_ day: Day) {
        versionDate = day
        guard failure == nil else { return }
        do { earlierEditionOf = try laterEdition(than: day) } catch { failure = error }
    }

    /// The source name a path read by the current file is stored under.
    func storedPath(_ path: String) -> String {
        if path == lastPath { return lastName }
        lastPath = path
        lastName = sourceNames[path] ?? path
        return lastName
    }

    func reached(_ done: Int, of total: Int) {
        lastTotal = total
        guard let progress, let file else { return }
        progress(ImportProgress(path: file.path, fileNumber: fileNumber, fileCount: fileCount, done: done, total: total, items: items))
    }

    /// Ends the current file: raises a failure met while writing it, records its counts and warnings,
    /// and withdraws what it no longer states. Returns how many things were withdrawn and how many
    /// revisions were recorded.
    func end(warnings: [Diagnostic]) throws -> (withdrawn: Int, revisions: Int) {
        if let failure { throw failure }
        guard let file else { return (0, 0) }
        try checkAmendedParents()
        // The file is read: complete (a small file reports nothing before).
        reached(max(lastTotal, 1), of: max(lastTotal, 1))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try db.send("UPDATE import_run SET counts = ?, warnings = ?, version_date = ? WHERE id = ?",
                       [String(decoding: try encoder.encode(counts), as: UTF8.self),
                        String(decoding: try encoder.encode(warnings), as: UTF8.self),
                        (versionDate ?? PathIdentity.lastModified(file.parts))?.description, run])
        // An earlier edition changed nothing current, so it withdraws nothing.
        let withdrawn = earlierEditionOf == nil ? try withdrawMissing(from: file) : 0
        lastBehind = nil
        if let later = earlierEditionOf {
            try dateEditions(before: later)
            lastBehind = try db.value("SELECT path FROM import_run WHERE id = ?", [later], as: String.self)
        } else if try db.value("""
            SELECT 1 FROM import_run WHERE path = ? AND id < ?
            UNION ALL SELECT 1 FROM history WHERE to_run = ? LIMIT 1
            """, [file.source, run, run], as: Int.self) != nil {
            // A source imported before, or a file that changed what another source stated: a new version.
            try markNewVersion(run)
        }
        self.file = nil
        return (withdrawn, revisions)
    }

    /// Dates the states `run` made: in force from its version's day, or from the day it was imported when that is
    /// earlier (a version dated ahead was not in force before it was known), and never before a version it replaced. A source's first version is left
    /// undated: it is taken to have stood from the beginning, as nothing earlier is known.
    func markNewVersion(_ run: Int64) throws {
        try db.send("""
            UPDATE import_run SET in_force = CASE WHEN version_date IS NOT NULL AND version_date < ? THEN version_date ELSE ? END
            WHERE id = ?
            """, [importDay.description, importDay.description, run])
        // Nor before a version it replaced (a file dated earlier than the one it supersedes): every state kept then
        // stood for a while, never for less than nothing.
        try db.send("""
            UPDATE import_run SET in_force = (SELECT max(f.in_force) FROM history h JOIN import_run f ON f.id = h.from_run WHERE h.to_run = ?)
            WHERE id = ? AND in_force < (SELECT max(f.in_force) FROM history h JOIN import_run f ON f.id = h.from_run WHERE h.to_run = ?)
            """, [run, run, run])
    }

    /// Records a problem (errors stop the import).
    func report(_ problem: Diagnostic) {
        if problems.count < ImportTransaction.problemLimit { problems.append(problem) } else { omittedProblems += 1 }
    }

    /// The problems in reading order (by the order of `files`, then line and column), with a last line
    /// counting any left out.
    func sortedProblems(fileOrder: [String]) -> [Diagnostic] {
        let rank = Dictionary(fileOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var sorted = problems.enumerated().sorted { a, b in
            let ka = (rank[a.element.path] ?? Int.max, a.element.line, a.element.column, a.offset)
            let kb = (rank[b.element.path] ?? Int.max, b.element.line, b.element.column, b.offset)
            return ka < kb
        }.map(\.element)
        if omittedProblems > 0, let last = sorted.last {
            sorted.append(Diagnostic(.error, path: last.path, line: last.line,
                "… and \(omittedProblems) more problems not shown; fix these and run the import again"))
        }
        return sorted
    }
}
