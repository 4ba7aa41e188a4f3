import Foundation
import RealiseModel

/// Reads a CSV file record by record, a chunk at a time, so that memory does not grow with the table.
///
/// UTF-8 (with or without BOM) is streamed. A file that is not valid UTF-8 (Windows-1252, as old exports
/// are) or that starts with a UTF-16 BOM is decoded whole first (see `TextDecoding`): such files are small
/// spreadsheet exports, and their encoding can only be known once the whole file has been looked at. To
/// know it before any record is handed out, a UTF-8 file is checked in one quick pass first.
enum CSVFileStream {
    static let chunkSize = 1 << 20

    /// Calls `body` with each record in order (the header first) and how many bytes of the file have been
    /// read when it comes (for progress); returns the delimiter used.
    /// - Throws: `.fileNotFound`/`.unreadable`; `.invalid` for a binary file or a quote never closed.
    static func read(path: String, body: (CSVReader.Record, Int) -> Void) throws(ImportError) -> UInt8 {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw .fileNotFound(path: path) }
        if isFolder.boolValue { throw .unreadable(path: path, reason: "it is a folder; give a file") }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable(path: path, reason: "permission denied") }
        defer { try? handle.close() }
        func next() throws(ImportError) -> [UInt8] {
            do { return try handle.read(upToCount: chunkSize).map { [UInt8]($0) } ?? [] } catch {
                throw .unreadable(path: path, reason: error.localizedDescription)
            }
        }
        var chunk = try next()
        let utf16 = chunk.starts(with: [0xFF, 0xFE]) || chunk.starts(with: [0xFE, 0xFF])
        if chunk.prefix(4096).contains(0) && !utf16 {
            throw .invalid([Diagnostic(.error, path: path, line: 1, "the file is binary, not a CSV text file")])
        }
        var whole = utf16
        if !whole { whole = !(try isUTF8(path: path)) }
        if whole {
            let bytes = try FileDigest.bytes(at: path)
            let csv = try CSVReader(bytes: bytes, path: path)
            for record in csv.records { body(record, bytes.count) }
            return csv.delimiter
        }
        if chunk.starts(with: [0xEF, 0xBB, 0xBF]) { chunk.removeFirst(3) }
        let delimiter = CSVReader.detectDelimiter(chunk)
        var parser = CSVParser(delimiter: delimiter, path: path)
        var read = 0
        while !chunk.isEmpty {
            read += chunk.count
            chunk.withUnsafeBufferPointer { parser.feed($0) { body($0, read) } }
            chunk = try next()
        }
        try parser.finish { body($0, read) }
        return delimiter
    }

    /// Whether the whole file is valid UTF-8, read a chunk at a time.
    static func isUTF8(path: String) throws(ImportError) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable(path: path, reason: "permission denied") }
        defer { try? handle.close() }
        var carry: [UInt8] = []
        while true {
            let data: Data?
            do { data = try handle.read(upToCount: chunkSize) } catch { throw .unreadable(path: path, reason: error.localizedDescription) }
            guard let data, !data.isEmpty else { return carry.isEmpty }
            let bytes = carry + [UInt8](data)
            guard let tail = incompleteTail(bytes) else { return false }
            carry = Array(bytes.suffix(tail))
        }
    }

    /// `TextDecoding.utf8Tail` with the bytes of a cut-off last sequence checked as far as they go.
    static func incompleteTail(_ bytes: [UInt8]) -> Int? {
        TextDecoding.utf8Tail(bytes, checkingTail: true)
    }
}
