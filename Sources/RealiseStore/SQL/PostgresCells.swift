import NIOCore
import PostgresNIO

/// The current row of a PostgreSQL result, decoded once into what `StatementRow` reads by position: integers,
/// doubles, and text kept as UTF-8 in a buffer of its own, so text can be looked at in place as SQLite's is.
/// The buffer is reused from row to row; a row's text is valid until the next row is loaded.
final class PostgresCells {
    enum Kind: Equatable { case null, integer, real, text }

    private(set) var names: [String] = []
    private var kinds: [Kind] = []
    private var integers: [Int64] = []
    private var reals: [Double] = []
    private var starts: [Int] = []
    private var lengths: [Int] = []
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int

    init() {
        capacity = 4_096
        storage = .allocate(capacity: capacity)
    }

    deinit { storage.deallocate() }

    var count: Int { kinds.count }

    func kind(_ column: Int) -> Kind { kinds[column] }

    /// Decodes `row` (its column names are taken from the first row only: they do not change in a result).
    func load(_ row: PostgresRow) {
        let first = names.isEmpty && kinds.isEmpty
        kinds.removeAll(keepingCapacity: true)
        integers.removeAll(keepingCapacity: true)
        reals.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        lengths.removeAll(keepingCapacity: true)
        var used = 0
        for cell in row {
            if first { names.append(cell.columnName) }
            integers.append(0)
            reals.append(0)
            starts.append(0)
            lengths.append(0)
            let index = kinds.count
            guard var bytes = cell.bytes else {
                kinds.append(.null)
                continue
            }
            switch (cell.dataType, cell.format) {
            case (.int8, .binary):
                integers[index] = bytes.readInteger(as: Int64.self) ?? 0
                kinds.append(.integer)
            case (.int4, .binary):
                integers[index] = Int64(bytes.readInteger(as: Int32.self) ?? 0)
                kinds.append(.integer)
            case (.int2, .binary):
                integers[index] = Int64(bytes.readInteger(as: Int16.self) ?? 0)
                kinds.append(.integer)
            case (.bool, .binary):
                integers[index] = Int64(bytes.readInteger(as: UInt8.self) ?? 0)
                kinds.append(.integer)
            case (.float8, .binary):
                reals[index] = Double(bitPattern: bytes.readInteger(as: UInt64.self) ?? 0)
                kinds.append(.real)
            case (.float4, .binary):
                reals[index] = Double(Float(bitPattern: bytes.readInteger(as: UInt32.self) ?? 0))
                kinds.append(.real)
            default:
                // Text (binary and text formats send text as its UTF-8), and anything else as its text.
                let length = bytes.readableBytes
                if used + length > capacity { grow(to: used + length) }
                bytes.withUnsafeReadableBytes { raw in
                    if let base = raw.baseAddress { (storage + used).update(from: base.assumingMemoryBound(to: UInt8.self), count: length) }
                }
                starts[index] = used
                lengths[index] = length
                used += length
                kinds.append(.text)
            }
        }
    }

    /// Makes room for `needed` bytes of text. Text already stored is moved along: pointers handed out for this row
    /// are handed out only after the row is loaded, so none points into the old buffer.
    private func grow(to needed: Int) {
        var size = capacity
        while size < needed { size *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        bigger.update(from: storage, count: capacity)
        storage.deallocate()
        storage = bigger
        capacity = size
    }

    /// A text column's UTF-8; nil when NULL or not text.
    func bytes(_ column: Int) -> UnsafeBufferPointer<UInt8>? {
        guard kinds[column] == .text else { return nil }
        return UnsafeBufferPointer(start: storage + starts[column], count: lengths[column])
    }

    func value(_ column: Int) -> SQLValue {
        switch kinds[column] {
        case .null: .null
        case .integer: .integer(integers[column])
        case .real: .real(reals[column])
        case .text: .text(String(decoding: bytes(column)!, as: UTF8.self))
        }
    }
}
