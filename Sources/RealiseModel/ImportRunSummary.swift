/// One recorded import of one file, as `realise list imports` shows it.
public struct ImportRunSummary: Sendable, Codable {
    public var id: Int64
    public var path: String
    public var format: String
    public var sha256: String
    public var importedAt: String
    public var counts: ImportCounts
    public var warnings: Int
    /// Where the file was read from (absolute; the path is the source's name). Nil for runs recorded before it was kept.
    public var location: String?
    /// Who imported it.
    public var actor: String?
    /// The day the file says its version was made, else the day it was last written.
    public var versionDate: Day?
    /// The sources (their parts' names) this run took over as their new version.
    public var supersedes: [String] = []

    public init(id: Int64, path: String, format: String, sha256: String, importedAt: String, counts: ImportCounts, warnings: Int) {
        self.id = id
        self.path = path
        self.format = format
        self.sha256 = sha256
        self.importedAt = importedAt
        self.counts = counts
        self.warnings = warnings
    }
}
