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
    ///
    /// The file is only composed (`Yams.compose`, the node tree), never constructed into Swift values
    /// (`Yams.load`): construction traps on a key that is not a scalar (`? [a]: b`, found by fuzz-mapping), and
    /// it copies every alias out, so a few hundred bytes of nested aliases ("billion laughs") would take minutes
    /// and gigabytes. Only the scalars under `columns` are read, so neither can happen.
    public static func load(path: String) throws(ImportError) -> [String: String] {
        guard FileManager.default.fileExists(atPath: path) else { throw .fileNotFound(path: path) }
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path, reason: "permission denied") }
        let text = String(decoding: data, as: UTF8.self)
        let node: Node?
        do { node = try Yams.compose(yaml: text) } catch {
            throw .badMapping(path: path, reason: "not valid YAML: \(error)")
        }
        guard let columns = node?.mapping?["columns"]?.mapping else {
            throw .badMapping(path: path, reason: "expected a 'columns:' map of header: column")
        }
        var mapping: [String: String] = [:]
        // Headers match ignoring case, spaces and punctuation: two spellings of one header mapped to different
        // columns would be resolved by dictionary order, differently from run to run.
        var byKey: [String: (header: String, name: String)] = [:]
        for (key, target) in columns {
            guard let header = key.scalar?.string, let name = target.scalar?.string else {
                throw .badMapping(path: path, reason: "expected a 'columns:' map of header: column, each a plain text, not a list or a map")
            }
            guard RegisterColumn.byKey[RegisterColumn.key(name)] != nil else {
                throw .badMapping(path: path, reason: "'\(header)' maps to '\(name)', which is not a column; use one of \(RegisterColumn.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if let other = byKey[RegisterColumn.key(header)], RegisterColumn.key(other.name) != RegisterColumn.key(name) {
                throw .badMapping(path: path, reason: "'\(other.header)' and '\(header)' are one header (headers match ignoring case, "
                                  + "spaces and punctuation) mapped to '\(other.name)' and '\(name)'; keep one of them")
            }
            byKey[RegisterColumn.key(header)] = (header, name)
            mapping[header] = name
        }
        return mapping
    }
}
