/// How much a workbook may inflate to before it is refused as a ZIP bomb. A real register, return or
/// results workbook is a few megabytes of XML; a million measurements about two hundred. Deflate can
/// inflate about a thousand times, so the ratio limit catches a bomb long before the size limits.
public struct WorkbookLimits: Sendable {
    /// The most one part (a sheet, the shared strings) may inflate to, in bytes.
    public var partBytes: Int64
    /// The most all the parts of the workbook together may inflate to, in bytes.
    public var totalBytes: Int64
    /// The most a part larger than `ratioFloorBytes` may inflate to per compressed byte.
    public var ratio: Int64
    /// Parts smaller than this are never refused for their ratio (a tiny part of spaces compresses far).
    public var ratioFloorBytes: Int64
    /// The most entries (parts) the archive may hold.
    public var entries: Int

    /// The limits of every import.
    public static let standard = WorkbookLimits(partBytes: 1 << 30, totalBytes: 2 << 30, ratio: 200,
                                                ratioFloorBytes: 1 << 20, entries: 10_000)

    public init(partBytes: Int64, totalBytes: Int64, ratio: Int64, ratioFloorBytes: Int64, entries: Int) {
        self.partBytes = partBytes
        self.totalBytes = totalBytes
        self.ratio = ratio
        self.ratioFloorBytes = ratioFloorBytes
        self.entries = entries
    }

    /// `bytes` for a message: `1.5 GB`, `200 MB`, `12 KB`.
    static func size(_ bytes: Int64) -> String {
        let units: [(Int64, String)] = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")]
        for (unit, name) in units where bytes >= unit {
            let tenths = (Double(bytes) * 10 / Double(unit)).rounded()
            return tenths.truncatingRemainder(dividingBy: 10) == 0 ? "\(Int(tenths / 10)) \(name)" : "\(tenths / 10) \(name)"
        }
        return "\(bytes) bytes"
    }
}
