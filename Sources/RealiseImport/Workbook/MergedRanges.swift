import Foundation

/// A sheet's merged cells (`<mergeCell ref="A1:C2"/>`): the top-left cell's value fills the range. They
/// are listed after the cells, so a sheet that has any is read twice: once for them, once for its rows.
struct MergedRanges {
    /// One merged range, 1-based and inclusive.
    struct Range {
        var firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int
    }

    private(set) var ranges: [Range] = []
    /// Values of ranges whose first row has been read, by range position.
    private var anchors: [Int: String] = [:]

    init() {}

    /// The ranges of the sheet inflated at `file` (reading it only when its bytes mention `mergeCell`).
    init(file: String, name: String) throws(ImportError) {
        guard MergedRanges.mentionsMerges(file) else { return }
        let reader = try XMLPullReader(path: file, name: name)
        while try reader.next() {
            guard reader.node == .element, reader.localName == "mergeCell", let ref = reader.attribute("ref"),
                  let range = MergedRanges.range(ref) else { continue }
            ranges.append(range)
        }
    }

    /// `A1:C2` as a range; nil when it is not one.
    static func range(_ ref: String) -> Range? {
        let ends = ref.split(separator: ":")
        guard ends.count == 2, let start = SheetReader.cell(ends[0]), let end = SheetReader.cell(ends[1]),
              let startRow = start.row, let endRow = end.row else { return nil }
        return Range(firstRow: min(startRow, endRow), firstColumn: min(start.column, end.column),
                     lastRow: max(startRow, endRow), lastColumn: max(start.column, end.column))
    }

    /// Fills the merged ranges crossing row `number` in `cells` (column A at 0) with their top-left values.
    mutating func fill(row number: Int, _ cells: inout [String]) {
        for (index, range) in ranges.enumerated() where range.firstRow <= number && number <= range.lastRow {
            if number == range.firstRow {
                anchors[index] = range.firstColumn <= cells.count ? cells[range.firstColumn - 1] : ""
            }
            guard let value = anchors[index], !value.isEmpty else { continue }
            if cells.count < range.lastColumn { cells += Array(repeating: "", count: range.lastColumn - cells.count) }
            for column in range.firstColumn...range.lastColumn where cells[column - 1].isEmpty { cells[column - 1] = value }
        }
    }

    /// Whether `needle` occurs in `bytes`: `memchr` for its first byte, then a comparison.
    private static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.count >= needle.count else { return false }
            var start = 0
            let last = buffer.count - needle.count
            while start <= last, let found = memchr(base + start, Int32(needle[0]), last - start + 1) {
                let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + at, needle, needle.count) == 0 { return true }
                start = at + 1
            }
            return false
        }
    }

    /// Whether the file's bytes hold `mergeCell`, read a chunk at a time.
    private static func mentionsMerges(_ file: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: file) else { return false }
        defer { try? handle.close() }
        let needle = Array("mergeCell".utf8)
        var carry: [UInt8] = []
        while let data = try? handle.read(upToCount: 1 << 20), !data.isEmpty {
            let bytes = carry + [UInt8](data)
            if contains(bytes, needle) { return true }
            carry = Array(bytes.suffix(needle.count - 1))
        }
        return false
    }
}
