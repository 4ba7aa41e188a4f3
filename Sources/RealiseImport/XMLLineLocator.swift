import Foundation

/// Finds the line where an element's start tag begins. libxml2 records a line at or after the start tag's
/// closing `>`, so an element whose attributes span several lines would be located too late; this scans the
/// (memory-mapped) file forward from the previous element asked about to the next `<name` (or `<prefix:name`).
///
/// Elements are asked about in document order, so the cursor only moves forward: the whole file is scanned
/// once however it is laid out (one long line, as MS Project saves it, included).
final class XMLLineLocator {
    private let bytes: Data
    private var cursor = 0
    private var cursorLine = 1

    init?(path: String) {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else { return nil }
        bytes = data
    }

    /// The line of the next `<name` start tag after the previous one found, not past `endLine`; `endLine`
    /// when there is none.
    func startLine(of name: String, endLine: Int) -> Int {
        let needle = Array(name.utf8)
        var found: (offset: Int, line: Int)?
        var index = cursor, line = cursorLine
        bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let count = raw.count
            while index < count {
                let byte = raw[index]
                if byte == 10 {
                    line += 1
                    if line > endLine { return }
                } else if byte == UInt8(ascii: "<"), XMLLineLocator.names(needle, in: raw, at: index + 1) {
                    found = (index, line)
                    return
                }
                index += 1
            }
        }
        guard let found else { return endLine }
        cursor = found.offset + 1
        cursorLine = found.line
        return found.line
    }

    /// Whether the tag name starting at `start` is `needle`, with or without a namespace prefix.
    private static func names(_ needle: [UInt8], in raw: UnsafeRawBufferPointer, at start: Int) -> Bool {
        var end = start
        var local = start
        while end < raw.count {
            let byte = raw[end]
            if byte == 32 || byte == 9 || byte == 10 || byte == 13 || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") { break }
            if byte == UInt8(ascii: ":") { local = end + 1 }
            end += 1
        }
        guard end - local == needle.count else { return false }
        for (offset, expected) in needle.enumerated() where raw[local + offset] != expected { return false }
        return true
    }
}
