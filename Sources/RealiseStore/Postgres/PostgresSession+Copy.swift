import NIOCore
import PostgresNIO

extension PostgresSession {
    /// Inserts rows (`columns.count` values each) as `INSERT INTO table (columns) SELECT … suffix`, from a staging table
    /// filled with one `COPY … FROM STDIN` (text format), inside the open transaction: the server parses a tab-separated
    /// line per row instead of a statement with thousands of bound values, several times less of its time per row
    /// (measured in BENCHMARKS.md). The rows go in in the order given, so identity ids are assigned as a multi-row
    /// `INSERT … VALUES` would. The staging table, one per target table, is temporary and dropped at commit.
    func copyInsert(into table: String, _ columns: [String], suffix: String, _ values: SQLArguments) throws {
        lock.lock()
        defer { lock.unlock() }
        let stage = "realise_stage_\(table)", list = columns.joined(separator: ", ")
        if staged.insert(stage).inserted {
            try send("CREATE TEMP TABLE \(stage) ON COMMIT DROP AS SELECT 0::bigint AS realise_row, \(list) FROM \(table) WITH NO DATA", [])
        }
        // A failure of a statement sent before is the one to report, not the aborted transaction's refusal of the COPY.
        try settle()
        let data = PostgresSession.copyText(values, width: columns.count)
        let connection = connection
        let promise = connection.eventLoop.makePromise(of: Void.self)
        promise.completeWithTask {
            try await connection.copyFrom(table: stage, columns: ["realise_row"] + columns, logger: PostgresSession.logger) { writer in
                try await writer.write(data)
            }
        }
        try waitOrLost(promise.futureResult)
        try send("INSERT INTO \(table) (\(list)) SELECT \(list) FROM \(stage) ORDER BY realise_row" + (suffix.isEmpty ? "" : " " + suffix), [])
        try send("TRUNCATE \(stage)", [])
    }

    /// The rows as COPY's text format: a row number, then the row's values, tab-separated, one row per line; `\N` for
    /// null; backslash, tab, line feed and carriage return escaped in text.
    static func copyText(_ values: SQLArguments, width: Int) -> ByteBuffer {
        var buffer = ByteBufferAllocator().buffer(capacity: values.count * 16)
        for row in 0..<(values.count / width) {
            buffer.writeString(String(row))
            for value in values[(row * width)..<(row * width + width)] {
                buffer.writeInteger(UInt8(ascii: "\t"))
                switch value.sqlValue {
                case .null: buffer.writeStaticString("\\N")
                case .integer(let number): buffer.writeString(String(number))
                case .real(let number): buffer.writeString(copyText(number))
                case .text(let text): writeEscaped(text, to: &buffer)
                }
            }
            buffer.writeInteger(UInt8(ascii: "\n"))
        }
        return buffer
    }

    /// A double as PostgreSQL reads it back exactly (Swift's shortest round-tripping form; its words for the
    /// non-finite).
    private static func copyText(_ number: Double) -> String {
        if number.isFinite { return String(number) }
        return number.isNaN ? "NaN" : number > 0 ? "Infinity" : "-Infinity"
    }

    private static func writeEscaped(_ text: String, to buffer: inout ByteBuffer) {
        let special: (UInt8) -> Bool = { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
        guard text.utf8.contains(where: special) else {
            buffer.writeString(text)
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
            case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
            case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
            case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
            default: buffer.writeInteger(byte)
            }
        }
    }
}
