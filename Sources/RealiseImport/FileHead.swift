import RealiseModel
import Foundation

/// The first few kilobytes of a file, decoded, with what sniffing needs: the XML root element and its
/// namespace, or the CSV header row.
public struct FileHead: Sendable {
    public let path: String
    /// The head's bytes as read (a workbook is told by its ZIP or OLE2 signature and the part names after it).
    public let bytes: [UInt8]
    /// The head as text (any encoding decoded, BOM removed).
    public let text: String
    /// The root element's local name, when the file is XML.
    public let rootElement: String?
    /// The root element's default namespace, when declared.
    public let rootNamespace: String?
    /// Normalised header cells of the first line, when the file is not XML.
    public let headerKeys: [String]
    /// The line of a `<!DOCTYPE` in the prolog, when the head shows one (comments and processing instructions
    /// are skipped, so a DOCTYPE written inside a comment is none). Lines are counted as libxml2 counts them,
    /// by LF (CR LF is one line end, a lone CR none). A DOCTYPE past the head is for `XMLPullReader`'s own
    /// prolog check to find.
    public let doctypeLine: Int?

    /// How many bytes sniffing reads.
    static let size = 8192

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = Array(bytes.prefix(FileHead.size))
        let text = TextDecoding.decode(Array(bytes.prefix(FileHead.size)), isHead: bytes.count >= FileHead.size)
        self.text = text
        let (root, namespace, doctype) = FileHead.xmlRoot(text)
        rootElement = root
        rootNamespace = namespace
        doctypeLine = doctype
        if root == nil, let firstLine = text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline).first {
            let delimiter = CSVReader.detectDelimiter(Array(firstLine.utf8))
            headerKeys = firstLine.split(separator: Character(UnicodeScalar(delimiter)), omittingEmptySubsequences: false)
                .map { RegisterColumn.key(String($0)) }
        } else {
            headerKeys = []
        }
    }

    /// Reads the head of the file at `path`.
    public static func read(path: String) throws(ImportError) -> FileHead {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw FileManager.default.fileExists(atPath: path)
                ? .unreadable(path: path, reason: "permission denied") : .fileNotFound(path: path)
        }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: size) ?? Data()
            return FileHead(path: path, bytes: [UInt8](data))
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
    }

    /// Finds the first element after the prolog (declaration, comments, doctype) and its default namespace
    /// (or the namespace of its prefix), reading attributes properly: `xmlns = "…"` and `>` inside quoted
    /// values are both fine; and the line of a DOCTYPE met on the way.
    static func xmlRoot(_ text: String) -> (root: String?, namespace: String?, doctypeLine: Int?) {
        var rest = Substring(text).drop { $0.isWhitespace }
        guard rest.hasPrefix("<") else { return (nil, nil, nil) }
        var doctypeLine: Int?
        while let open = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: open)...]
            if after.hasPrefix("?") || after.hasPrefix("!") {
                let terminator = after.hasPrefix("!--") ? "-->" : after.hasPrefix("?") ? "?>" : ">"
                if after.hasPrefix("!DOCTYPE") {
                    // By scalar: "\r\n" is one Character, unequal to "\n".
                    doctypeLine = doctypeLine ?? text[..<open].unicodeScalars.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
                    if let bracket = after.firstIndex(of: "["), let close = after.firstIndex(of: ">"), bracket < close {
                        guard let end = after.range(of: "]>") ?? after.range(of: "]") else { return (nil, nil, doctypeLine) }
                        rest = after[end.upperBound...]
                        continue
                    }
                }
                guard let end = after.range(of: terminator) else { return (nil, nil, doctypeLine) }
                rest = after[end.upperBound...]
                continue
            }
            let name = after.prefix { !$0.isWhitespace && $0 != "/" && $0 != ">" }
            guard !name.isEmpty else { return (nil, nil, doctypeLine) }
            // `<:`, `<a:` and the like name no element: not XML a plan could be.
            let parts = name.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard let last = parts.last, !last.isEmpty, !parts[0].isEmpty else { return (nil, nil, doctypeLine) }
            let local = String(last)
            let wanted = parts.count == 2 ? "xmlns:\(parts[0])" : "xmlns"
            for (attribute, value) in attributes(after.dropFirst(name.count)) where attribute == wanted {
                return (local, value, doctypeLine)
            }
            return (local, nil, doctypeLine)
        }
        return (nil, nil, doctypeLine)
    }

    /// The attributes of a start tag's remainder, up to its closing `>`.
    private static func attributes(_ tag: Substring) -> [(String, String)] {
        var result: [(String, String)] = []
        var rest = tag
        while true {
            rest = rest.drop { $0.isWhitespace }
            guard let first = rest.first, first != ">", first != "/" else { return result }
            let name = rest.prefix { !$0.isWhitespace && $0 != "=" && $0 != ">" }
            rest = rest.dropFirst(name.count).drop { $0.isWhitespace }
            guard rest.first == "=" else { return result }
            rest = rest.dropFirst().drop { $0.isWhitespace }
            guard let quote = rest.first, quote == "\"" || quote == "'" else { return result }
            let value = rest.dropFirst().prefix { $0 != quote }
            result.append((String(name), String(value)))
            rest = rest.dropFirst(value.count + 2)
        }
    }
}
