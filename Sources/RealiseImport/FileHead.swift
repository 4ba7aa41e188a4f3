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
        let text = TextDecoding.decode(Array(bytes.prefix(FileHead.size)))
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

    /// Finds the first element after the prolog (declaration, comments, doctype) and its `xmlns`.
    static func xmlRoot(_ text: String) -> (String?, String?) {
        var rest = Substring(text).drop { $0.isWhitespace }
        guard rest.hasPrefix("<") else { return (nil, nil) }
        while let open = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: open)...]
            if after.hasPrefix("?") || after.hasPrefix("!") {
                let terminator = after.hasPrefix("!--") ? "-->" : ">"
                guard let end = after.range(of: terminator) else { return (nil, nil) }
                rest = after[end.upperBound...]
                continue
            }
            guard let end = after.firstIndex(of: ">") else { return (nil, nil) }
            let tag = after[..<end]
            let name = tag.prefix { !$0.isWhitespace && $0 != "/" && $0 != ">" }
            let local = name.split(separator: ":").last.map(String.init) ?? String(name)
            let prefix = name.contains(":") ? String(name.split(separator: ":")[0]) : nil
            let attribute = prefix.map { "xmlns:\($0)=" } ?? "xmlns="
            var namespace: String?
            if let range = tag.range(of: attribute) {
                let value = tag[range.upperBound...]
                if let quote = value.first, quote == "\"" || quote == "'" {
                    namespace = String(value.dropFirst().prefix { $0 != quote })
                }
            }
            return (local.isEmpty ? nil : local, namespace)
        }
        return (nil, nil)
    }
}
