import Foundation
import Yams

/// The YAML file that maps a register's own headers to Realise's columns:
///
/// ```yaml
/// columns:
///   "Ref No": benefit_id
///   "Lead": owner
/// ```
public enum MappingFile {
    /// Reads the `columns` mapping (header → column name) and checks every target is a known column.
    public static func load(path: String) throws(ImportError) -> [String: String] {
        guard FileManager.default.fileExists(atPath: path) else { throw .fileNotFound(path: path) }
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path, reason: "permission denied") }
        let text = String(decoding: data, as: UTF8.self)
        let node: Any?
        do { node = try Yams.load(yaml: text) } catch {
            throw .badMapping(path: path, reason: "not valid YAML: \(error)")
        }
        guard let root = node as? [String: Any], let columns = root["columns"] as? [String: Any] else {
            throw .badMapping(path: path, reason: "expected a 'columns:' map of header: column")
        }
        var mapping: [String: String] = [:]
        for (header, target) in columns {
            let name = "\(target)"
            guard RegisterColumn.byKey[RegisterColumn.key(name)] != nil else {
                throw .badMapping(path: path, reason: "'\(header)' maps to '\(name)', which is not a column; use one of \(RegisterColumn.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            mapping[header] = name
        }
        return mapping
    }
}
