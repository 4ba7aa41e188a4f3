/// Rows of statement values held compactly, for the import's statements over many rows (`MultiRowStatement`): each
/// value a small cell, and every text's UTF-8 bytes one after another in one buffer, which SQLite binds in place.
///
/// Hand-written in place of an array of `any SQLBindable` (`SQLArguments`), which boxed every value, retained its
/// text, copied the arrays on the way to the statement and made SQLite copy each text again when bound: on a
/// 20 000-task plan that was 30 % of the writing thread's instructions (callgrind).
struct SQLRows {
    /// One value: a text is where its bytes lie in `bytes`.
    enum Cell: Equatable {
        case null
        case integer(Int64)
        case real(Double)
        case text(start: Int, count: Int)
    }

    /// Values per row.
    let width: Int
    private(set) var cells: [Cell] = []
    private(set) var bytes: [UInt8] = []

    init(width: Int) {
        precondition(width > 0, "a row has at least one value")
        self.width = width
    }

    /// Rows of one value each.
    init<S: Sequence>(column values: S) where S.Element == String {
        self.init(width: 1)
        for value in values { append(value) }
    }

    /// One row of statement arguments.
    init(arguments: SQLArguments) {
        self.init(width: max(arguments.count, 1))
        for argument in arguments { append(argument.sqlValue) }
    }

    /// Whole rows held.
    var count: Int { cells.count / width }
    var isEmpty: Bool { cells.isEmpty }

    mutating func append(_ text: String) {
        let start = bytes.count
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
        cells.append(.text(start: start, count: bytes.count - start))
    }

    mutating func append(_ text: String?) {
        if let text { append(text) } else { cells.append(.null) }
    }

    mutating func append(_ number: Int64?) { cells.append(number.map(Cell.integer) ?? .null) }
    mutating func append(_ number: Int?) { cells.append(number.map { .integer(Int64($0)) } ?? .null) }
    mutating func append(_ number: Double?) { cells.append(number.map(Cell.real) ?? .null) }

    mutating func append(_ value: SQLValue) {
        switch value {
        case .null: cells.append(.null)
        case .integer(let number): cells.append(.integer(number))
        case .real(let number): cells.append(.real(number))
        case .text(let text): append(text)
        }
    }

    /// Appends row `row` of `other` (of the same width).
    mutating func append(row: Int, of other: SQLRows) {
        precondition(other.width == width, "rows of another width")
        for index in (row * width)..<((row + 1) * width) {
            if case .text(let start, let count) = other.cells[index] {
                let mine = bytes.count
                bytes.append(contentsOf: other.bytes[start..<(start + count)])
                cells.append(.text(start: mine, count: count))
            } else {
                cells.append(other.cells[index])
            }
        }
    }

    /// Replaces the value at `index` (a position among all values, not a row) with a number.
    mutating func set(_ index: Int, _ number: Int64?) { cells[index] = number.map(Cell.integer) ?? .null }

    mutating func removeAll() {
        cells.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
    }

    /// The value at `index` (a position among all values), as a backend stores it.
    func value(at index: Int) -> SQLValue {
        switch cells[index] {
        case .null: .null
        case .integer(let number): .integer(number)
        case .real(let number): .real(number)
        case .text(let start, let count): .text(String(decoding: bytes[start..<(start + count)], as: UTF8.self))
        }
    }

    /// Adds the values `range` to a fingerprint, as `ContentHash.add(_:)` would add them as `SQLValue`s.
    func hash(_ range: Range<Int>, into hash: inout ContentHash) {
        for index in range {
            switch cells[index] {
            case .null: hash.add(.null)
            case .integer(let number): hash.add(.integer(number))
            case .real(let number): hash.add(.real(number))
            case .text(let start, let count): hash.add(text: bytes[start..<(start + count)])
            }
        }
    }
}
