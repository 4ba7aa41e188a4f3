import RealiseModel
import Crypto
import Foundation

/// Reading a whole input file and its SHA-256, the fingerprint that tells an unchanged re-import.
enum FileDigest {
    /// The file's bytes, or the error that says why they cannot be had.
    static func bytes(at path: String) throws(ImportError) -> [UInt8] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw .fileNotFound(path: path) }
        if isFolder.boolValue { throw .unreadable(path: path, reason: "it is a folder; give a file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "permission denied or I/O error")
        }
        return [UInt8](data)
    }

    /// The file's size in bytes, 0 when it cannot be had (for progress: how far reading has come).
    static func size(path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? NSNumber)?.intValue ?? 0
    }

    /// Lower-case hex SHA-256 of `bytes`.
    static func sha256(_ bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
    }

    /// SHA-256 of the file at `path`, read in chunks.
    static func sha256(path: String) throws(ImportError) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable(path: path, reason: "cannot open") }
        defer { try? handle.close() }
        var hasher = SHA256()
        do {
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        return hex(hasher.finalize())
    }

    /// SHA-256 over the name and SHA-256 of each file of a group, in the order given: it changes when any
    /// member's content or name changes, or a member is added or removed.
    static func sha256(group paths: [String]) throws(ImportError) -> String {
        var summary = ""
        for path in paths {
            summary += (path as NSString).lastPathComponent + "\u{0}" + (try sha256(path: path)) + "\n"
        }
        return sha256(Array(summary.utf8))
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { $0 < 16 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }
}
