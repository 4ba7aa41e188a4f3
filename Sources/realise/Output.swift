import Foundation

/// Writing results to standard output, errors to standard error, and reports to files.
enum Output {
    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Whether standard output is a terminal that wants colour (`NO_COLOR` unset).
    static var colour: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// Writes `text` to `path` atomically, or prints it when `path` is nil.
    static func emit(_ text: String, to path: String?) throws {
        guard let path else { return print(text) }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw Failure(lines: ["\(path): cannot write: \(error.localizedDescription)"], code: 74)
        }
    }
}
