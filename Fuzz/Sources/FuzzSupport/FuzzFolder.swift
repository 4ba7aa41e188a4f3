import Foundation

/// Inputs that are several files: the harnesses that read a group of tables split libFuzzer's bytes into
/// parts and write each into one folder per process, `/tmp/realise-fuzz-<pid>/`, which `runDriver`'s exit
/// handler removes.
extension FuzzInput {
    /// The per-process folder, created on first use (a failure shows when the files are written).
    public static let folder: String = {
        let folder = "/tmp/realise-fuzz-\(getpid())"
        mkdir(folder, 0o700)
        return folder
    }()

    /// `bytes` cut at each `separator` byte into at most `maxParts` parts (the last keeps any later
    /// separators); the separator itself belongs to no part. Empty parts are kept: an empty file is an input too.
    public static func split(_ bytes: [UInt8], on separator: UInt8, maxParts: Int) -> [[UInt8]] {
        bytes.split(separator: separator, maxSplits: maxParts - 1, omittingEmptySubsequences: false).map(Array.init)
    }

    /// `bytes` cut at the first occurrence of `marker`: what comes before and what after (empty when absent).
    public static func cut(_ bytes: [UInt8], at marker: [UInt8]) -> (head: [UInt8], tail: [UInt8]) {
        guard !marker.isEmpty, bytes.count >= marker.count else { return (bytes, []) }
        for start in 0...(bytes.count - marker.count) where bytes[start..<start + marker.count].elementsEqual(marker) {
            return (Array(bytes[..<start]), Array(bytes[(start + marker.count)...]))
        }
        return (bytes, [])
    }

    /// Removes the folder and what is in it (the harnesses write no subfolders).
    static func removeFolder() {
        let folder = "/tmp/realise-fuzz-\(getpid())"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] { unlink(folder + "/" + name) }
        rmdir(folder)
    }
}
