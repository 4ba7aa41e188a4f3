import RealiseModel
import Foundation

/// The first few kilobytes of a file, decoded, with what sniffing needs: the XML root element and its
/// namespace, or the CSV header row.
public struct FileHead: Sendable {
    public let path: String
    /// The head as text (any encoding decoded, BOM removed).
    public let text: String
    /// The root element's local name, when the file is XML.
    public let rootElement: String?
    /// The root element's default namespace, when declared.
    public let rootNamespace: String?
    /// Normalised header cells of the first line, when the file is not XML.
    public let headerKeys: [String]

    /// How many bytes sniffing reads.
    static let size = 8192

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        let text = TextDecoding.decode(Array(bytes.prefix(FileHead.size)), isHead: bytes.count >= FileHead.size)
        self.text = text
        let (root, namespace) = FileHead.xmlRoot(text)
        rootElement = root
        rootNamespace = namespace
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

    /// The line of a `<!DOCTYPE` in the prolog, if there is one.
    public var doctypeLine: Int? {
        guard let range = text.range(of: "<!DOCTYPE"), rootElement != nil else { return nil }
        if let root = text.range(of: "<" + (rootElement ?? "")), root.lowerBound < range.lowerBound { return nil }
        return text[..<range.lowerBound].filter { $0 == "\n" }.count + 1
    }

    /// Finds the first element after the prolog (declaration, comments, doctype) and its default namespace
    /// (or the namespace of its prefix), reading attributes properly: `xmlns = "…"` and `>` inside quoted
    /// values are both fine.
    static func xmlRoot(_ text: String) -> (String?, String?) {
        var rest = Substring(text).drop { $0.isWhitespace }
        guard rest.hasPrefix("<") else { return (nil, nil) }
        while let open = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: open)...]
            if after.hasPrefix("?") || after.hasPrefix("!") {
                let terminator = after.hasPrefix("!--") ? "-->" : after.hasPrefix("?") ? "?>" : ">"
                if after.hasPrefix("!DOCTYPE"), let bracket = after.firstIndex(of: "["),
                   let close = after.firstIndex(of: ">"), bracket < close {
                    guard let end = after.range(of: "]>") ?? after.range(of: "]") else { return (nil, nil) }
                    rest = after[end.upperBound...]
                    continue
                }
                guard let end = after.range(of: terminator) else { return (nil, nil) }
                rest = after[end.upperBound...]
                continue
            }
            let name = after.prefix { !$0.isWhitespace && $0 != "/" && $0 != ">" }
            guard !name.isEmpty else { return (nil, nil) }
            // `<:`, `<a:` and the like name no element: not XML a plan could be.
            let parts = name.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard let last = parts.last, !last.isEmpty, !parts[0].isEmpty else { return (nil, nil) }
            let local = String(last)
            let wanted = parts.count == 2 ? "xmlns:\(parts[0])" : "xmlns"
            for (attribute, value) in attributes(after.dropFirst(name.count)) where attribute == wanted {
                return (local, value)
            }
            return (local, nil)
        }
        return (nil, nil)
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
