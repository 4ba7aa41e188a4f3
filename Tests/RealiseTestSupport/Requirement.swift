import Foundation
import Testing

/// What a test needs from the machine — a tool on `PATH`, a Python module, a folder, a permission — and what
/// happens when it is missing. On a developer's machine the test is skipped, saying why. Under strict mode
/// (`REALISE_STRICT_TESTS=1`, which `.ci/run` sets, or `CI=true`) it runs anyway and fails with the reason,
/// because a CI run that skips a check has not made it.
///
public enum Requirement {
    /// Whether a would-be skip must fail instead.
    public static let strict: Bool = {
        let environment = ProcessInfo.processInfo.environment
        return environment["REALISE_STRICT_TESTS"] == "1" || environment["CI"]?.lowercased() == "true"
    }()

    /// The path of executable `name` found by searching `PATH` (never a hard-coded location), or nil.
    public static func tool(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/\(name)"
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder), !isFolder.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        return nil
    }

    /// The `python3` on `PATH` when it can import `module`, else nil.
    public static func python(with module: String) -> String? {
        guard let python = tool("python3") else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", "import \(module)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        return process.terminationStatus == 0 ? python : nil
    }

    /// A trait for a test or suite that needs something: enabled when `met`, and always under strict mode, where
    /// the test's own check (`#require(…)` or `Requirement.check`) then fails naming what is missing.
    public static func needs(_ met: @autoclosure @escaping @Sendable () -> Bool, _ reason: String) -> ConditionTrait {
        .enabled(if: met() || strict, Comment(rawValue: reason + (strict ? "" : " (skipped; under REALISE_STRICT_TESTS=1 this fails)")))
    }

    /// `value`, or — when it is nil — an issue naming `reason` and a thrown error, so the test stops there.
    public static func require<T>(_ value: T?, _ reason: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> T {
        try #require(value, Comment(rawValue: "missing requirement: \(reason)"), sourceLocation: sourceLocation)
    }
}
