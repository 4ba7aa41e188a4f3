import RealiseModel

/// What happened to one file of an import.
public struct ImportOutcome: Sendable, Codable {
    /// Imported and recorded, unchanged since its last import (nothing written), or only checked (`--dry-run`).
    public enum Status: String, Sendable, Codable {
        case imported, unchanged, checked
    }

    public var path: String
    public var format: String
    public var status: Status
    public var counts: ImportCounts
    public var warnings: [Diagnostic]
    /// Entities, links and values marked withdrawn because the file no longer has them.
    public var withdrawn: Int
    /// Baseline and target values whose change was kept as a revision.
    public var revisions: Int
    /// The sources (their parts' names) this file took over as their new version.
    public var supersedes: [String] = []
    /// For a GMPP return of an earlier year than one held: the source of the next later year, behind which it was
    /// kept in history (the current plan unchanged).
    public var behind: String?

    public init(path: String, format: String, status: Status, counts: ImportCounts, warnings: [Diagnostic],
                withdrawn: Int = 0, revisions: Int = 0) {
        self.path = path
        self.format = format
        self.status = status
        self.counts = counts
        self.warnings = warnings
        self.withdrawn = withdrawn
        self.revisions = revisions
    }
}
