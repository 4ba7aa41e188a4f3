import Foundation

/// Where the package's own built executables are, for the tests that run them as a user would (`RealiseCLITests`,
/// and `RealiseServerTests` running `realise serve`): beside the test bundle (a test target that depends on an
/// executable gets it built there), else in `.build/debug`, unless `$REALISE_BIN` names the binary to test.
public enum BuiltExecutable {
    /// The package root, from this file's location.
    public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The `realise` binary under test.
    public static let realise: URL = locate("realise", override: "REALISE_BIN")

    /// The built executable `name` (or the file `$override` names, when set).
    public static func locate(_ name: String, override: String? = nil) -> URL {
        if let override, let path = ProcessInfo.processInfo.environment[override] { return URL(fileURLWithPath: path) }
        var candidates: [URL] = []
        for start in [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0])] {
            var folder = start
            for _ in 0..<4 {
                candidates.append(folder.appendingPathComponent(name))
                folder.deleteLastPathComponent()
            }
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/\(name)"))
        return candidates.first { candidate in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder) && !isFolder.boolValue
        } ?? candidates.last!
    }
}
