import Foundation
import RealiseModel

/// Checks, row by row, that rows read without an ORDER BY come in the order `ORDER BY source_path, source_line,
/// <tie>` would give them, so that SQLite need not sort them: entities and links are stored as their files
/// were read, so they nearly always do. Compares as SQLite does: paths and text ties by their bytes (all of
/// them), lines and integer ties as integers. A row of another type than expected, or an equal key, counts as
/// out of order (the caller then asks SQLite to sort).
struct SourceOrder {
    /// The column breaking ties of path and line: text (an entity's id) or an integer (a link's row id).
    enum Tie {
        case text(Int32)
        case integer(Int32)
    }

    private let path: Int32, line: Int32, tie: Tie
    private var previousPath: [UInt8] = [], previousLine: Int64 = 0, previousText: [UInt8] = [], previousInteger: Int64 = 0
    private var started = false

    init(path: Int32, line: Int32, tie: Tie) {
        self.path = path
        self.line = line
        self.tie = tie
    }

    /// Whether the row comes after the previous one (the first always does).
    mutating func follows(_ row: StatementRow) -> Bool {
        guard row.isText(path), row.isInteger(line), let path = row.bytes(path) else { return false }
        let line = row.int64(line)
        let pathOrder = started ? SourceOrder.compare(path, previousPath) : 1
        guard pathOrder >= 0 else { return false }
        if pathOrder > 0 {
            previousPath = Array(path)
        } else {
            guard line >= previousLine else { return false }
        }
        let tieFollows: Bool
        switch tie {
        case .text(let column):
            guard row.isText(column), let text = row.bytes(column) else { return false }
            tieFollows = pathOrder > 0 || line > previousLine || SourceOrder.compare(text, previousText) > 0
            previousText.removeAll(keepingCapacity: true)
            previousText.append(contentsOf: text)
        case .integer(let column):
            guard row.isInteger(column) else { return false }
            let value = row.int64(column)
            tieFollows = pathOrder > 0 || line > previousLine || value > previousInteger
            previousInteger = value
        }
        previousLine = line
        started = true
        return tieFollows
    }

    /// Bytes compared as SQLite's BINARY collation compares text: `memcmp`, then the shorter first.
    private static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: [UInt8]) -> Int {
        b.withUnsafeBufferPointer { b in
            let common = min(a.count, b.count)
            if common > 0, let left = a.baseAddress, let right = b.baseAddress {
                let order = memcmp(left, right, common)
                if order != 0 { return Int(order) }
            }
            return a.count - b.count
        }
    }
}
