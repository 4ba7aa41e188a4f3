import NIOCore
import PostgresNIO

/// One column of many rows bound as a single PostgreSQL array (`text[]`, `bigint[]` or `double precision[]`), for a
/// statement that reads its rows with `unnest`: a chunk's rows go to the server as one short statement with one bound
/// value per column, which the server parses and plans once, instead of a `VALUES` list of thousands of placeholders
/// parsed and planned per statement.
///
/// Hand-written because postgres-nio encodes arrays only of non-optional elements, and a column's rows may be NULL.
/// The binary array format: dimensions, a has-NULLs flag, the element type, the length and lower bound of the one
/// dimension, then each element as its length (-1 for NULL) and its bytes.
struct PostgresColumn: PostgresDynamicTypeEncodable {
    let type: MultiRowStatement.Column
    /// The rows; this column is the value at `offset` of each.
    let rows: SQLRows
    let offset: Int

    var psqlType: PostgresDataType {
        switch type {
        case .text: .textArray
        case .integer: .int8Array
        case .real: .float8Array
        }
    }

    var psqlFormat: PostgresFormat { .binary }

    private var elementType: PostgresDataType {
        switch type {
        case .text: .text
        case .integer: .int8
        case .real: .float8
        }
    }

    func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        let count = rows.count
        buffer.writeInteger(Int32(count == 0 ? 0 : 1))
        let flagIndex = buffer.writerIndex
        buffer.writeInteger(Int32(0))
        buffer.writeInteger(elementType.rawValue)
        guard count > 0 else { return }
        buffer.writeInteger(Int32(count))
        buffer.writeInteger(Int32(1))
        var hasNull = false
        var index = offset
        for _ in 0..<count {
            if type == .text, case .text(let start, let length) = rows.cells[index] {
                // A text column's text: its bytes as they are held, without making a string.
                buffer.writeInteger(Int32(length))
                buffer.writeBytes(rows.bytes[start..<(start + length)])
            } else if !write(rows.value(at: index), into: &buffer) {
                hasNull = true
            }
            index += rows.width
        }
        if hasNull { buffer.setInteger(Int32(1), at: flagIndex) }
    }

    /// Writes one element, converted to the column's type; false when it is NULL.
    private func write(_ value: SQLValue, into buffer: inout ByteBuffer) -> Bool {
        switch (type, value) {
        case (_, .null):
            buffer.writeInteger(Int32(-1))
            return false
        case (.text, .text(let text)):
            let start = buffer.writerIndex
            buffer.writeInteger(Int32(0))
            let length = buffer.writeString(text)
            buffer.setInteger(Int32(length), at: start)
        case (.text, .integer(let number)): return write(.text(String(number)), into: &buffer)
        case (.text, .real(let number)): return write(.text(String(number)), into: &buffer)
        case (.integer, .integer(let number)):
            buffer.writeInteger(Int32(8))
            buffer.writeInteger(number)
        case (.integer, .real(let number)): return write(.integer(Int64(exactly: number.rounded(.towardZero)) ?? 0), into: &buffer)
        case (.integer, .text(let text)): return write(Int64(text).map(SQLValue.integer) ?? .null, into: &buffer)
        case (.real, .real(let number)):
            buffer.writeInteger(Int32(8))
            buffer.writeInteger(number.bitPattern)
        case (.real, .integer(let number)): return write(.real(Double(number)), into: &buffer)
        case (.real, .text(let text)): return write(Double(text).map(SQLValue.real) ?? .null, into: &buffer)
        }
        return true
    }
}
