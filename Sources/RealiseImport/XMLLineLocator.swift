import Foundation

/// Finds the line where an element's start tag begins. libxml2 records a line at or after the start tag's
/// closing `>`, so an element whose attributes span several lines would be located too late; this scans the
/// file forward from the previous element asked about to the next `<name` (or `<prefix:name`).
///
/// Elements are asked about in document order, so the cursor only moves forward: the whole file is scanned
/// once however it is laid out (one long line, as MS Project saves it, included). The file is read through a
/// window of a few hundred KiB that slides with the cursor — not memory-mapped, whose touched pages would
/// stay resident and make an import's memory grow with the file.
final class XMLLineLocator {
    private let handle: FileHandle
    /// Bytes of the file from offset `windowStart` on.
    private var window: [UInt8] = []
    private var windowStart = 0
    private var atEnd = false
    private var cursor = 0
    private var cursorLine = 1

    /// How much is read at a time.
    static let chunkSize = 1 << 18
    /// How far past the cursor a search may look before giving up (a start tag is never that long).
    static let searchLimit = 1 << 22

    init?(path: String) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        self.handle = handle
    }

    deinit { try? handle.close() }

    /// The line of the next `<name` start tag after the previous one found, not past `endLine`; `endLine`
    /// when there is none.
    func startLine(of name: String, endLine: Int) -> Int {
        let needle = Array(name.utf8)
        var index = cursor, line = cursorLine
        while index - cursor < XMLLineLocator.searchLimit {
            // Enough bytes for a `<`, a prefix and the name, so a tag is never judged across the window's end.
            guard available(index + needle.count + 64) || index < windowStart + window.count else { return endLine }
            let found: Int? = window.withUnsafeBufferPointer { raw -> Int? in
                let end = raw.count
                var local = index - windowStart
                while local < end {
                    let byte = raw[local]
                    if byte == 10 {
                        line += 1
                        if line > endLine { index = windowStart + local; return -1 }
                    } else if byte == UInt8(ascii: "<") {
                        if local + needle.count + 64 >= end && !atEnd { break }
                        if XMLLineLocator.names(needle, in: raw, at: local + 1) { return windowStart + local }
                    }
                    local += 1
                }
                index = windowStart + local
                return nil
            }
            if found == -1 { return endLine }
            if let found {
                cursor = found + 1
                cursorLine = line
                return line
            }
            if atEnd && index >= windowStart + window.count { return endLine }
        }
        return endLine
    }

    /// Reads on until `offset` is in the window or the file ends, dropping what lies before the cursor;
    /// whether it is in the window.
    private func available(_ offset: Int) -> Bool {
        while offset >= windowStart + window.count, !atEnd {
            let drop = min(max(cursor - windowStart, 0), window.count)
            if drop > 0 {
                window.removeFirst(drop)
                windowStart += drop
            }
            guard let data = try? handle.read(upToCount: XMLLineLocator.chunkSize), !data.isEmpty else {
                atEnd = true
                break
            }
            window.append(contentsOf: data)
        }
        return offset < windowStart + window.count
    }

    /// Whether the tag name starting at `start` is `needle`, with or without a namespace prefix.
    private static func names(_ needle: [UInt8], in raw: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
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
