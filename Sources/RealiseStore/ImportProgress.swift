/// How far an import has come, reported as each chunk of a file is written.
public struct ImportProgress: Sendable, Equatable {
    /// The file being read.
    public var path: String
    /// Its place among the files read by this import (1-based), and how many there are.
    public var fileNumber: Int
    public var fileCount: Int
    /// How much of the file has been read (bytes, or rows of a table) out of `total`.
    public var done: Int
    public var total: Int
    /// Entities, values and links of the file written so far.
    public var items: Int

    public init(path: String, fileNumber: Int, fileCount: Int, done: Int, total: Int, items: Int) {
        self.path = path
        self.fileNumber = fileNumber
        self.fileCount = fileCount
        self.done = done
        self.total = total
        self.items = items
    }

    /// The share of the file read, 0…1 (0 when the total is unknown).
    public var fraction: Double { total > 0 ? min(max(Double(done) / Double(total), 0), 1) : 0 }
}
