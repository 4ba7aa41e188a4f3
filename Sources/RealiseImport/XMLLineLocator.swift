import Foundation

/// Finds the line where an element's start tag begins. libxml2 records the line of a start tag's closing `>`,
/// so an element whose attributes span several lines would be located at its last line; this walks the
/// (memory-mapped) file forward once, keeping the starts of the last few lines, and searches back for `<name`.
final class XMLLineLocator {
    private let bytes: Data
    private var offset = 0
    private var line = 1
    /// (line, byte offset of its start), the most recent last.
    private var recent: [(Int, Int)] = [(1, 0)]
    private static let window = 64

    init?(path: String) {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else { return nil }
        bytes = data
    }

    /// The line at or before `endLine` where `<name` (or `<prefix:name`) starts; `endLine` when not found.
    func startLine(of name: String, endLine: Int) -> Int {
        guard endLine > 0 else { return endLine }
        advance(to: endLine + 1)
        let needle = Array(name.utf8)
        for index in recent.indices.reversed() {
            let (number, start) = recent[index]
            guard number <= endLine else { continue }
            let end = index + 1 < recent.count ? recent[index + 1].1 : offset
            if contains(tagOf: needle, from: start, to: end) { return number }
        }
        return endLine
    }

    private func advance(to target: Int) {
        // Locals in the loop: a class property updated per byte pays an exclusivity check each time.
        var line = self.line, offset = self.offset, recent = self.recent
        bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let count = raw.count
            while line < target, offset < count {
                if raw[offset] == 10 {
                    line += 1
                    recent.append((line, offset + 1))
                    if recent.count > XMLLineLocator.window * 2 { recent.removeFirst(recent.count - XMLLineLocator.window) }
                }
                offset += 1
            }
        }
        self.line = line
        self.offset = offset
        self.recent = recent
    }

    private func contains(tagOf name: [UInt8], from start: Int, to end: Int) -> Bool {
        bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var index = start
            while index + name.count < min(end, raw.count) {
                let byte = raw[index]
                if byte == UInt8(ascii: "<") || byte == UInt8(ascii: ":") {
                    var matches = true
                    for (k, expected) in name.enumerated() where raw[index + 1 + k] != expected { matches = false; break }
                    if matches {
                        let after = raw[index + 1 + name.count]
                        if after == 32 || after == 9 || after == 10 || after == 13 || after == UInt8(ascii: ">") || after == UInt8(ascii: "/") {
                            return true
                        }
                    }
                }
                index += 1
            }
            return false
        }
    }
}
