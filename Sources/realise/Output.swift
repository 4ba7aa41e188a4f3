import Foundation
import RealiseModel

/// Writing results to standard output, errors to standard error, and reports to files.
enum Output {
    /// Writes text to standard output. The renderers make control characters in ids, names and plan text
    /// visible field by field (a line break in a name must not start a line); what is left here besides line
    /// feeds, tabs and CSV's CR LF record ends (an escape sequence, a lone carriage return) is made visible
    /// too, so nothing printed can drive the terminal.
    static func print(_ text: String) {
        let safe = ControlCharacters.needsEscaping(text, ignoringLayout: true)
            ? text.components(separatedBy: "\r\n").map { ControlCharacters.escaped($0, keeping: .layout) }
                .joined(separator: "\r\n")
            : text
        FileHandle.standardOutput.write(Data(safe.utf8))
    }

    /// Writes one line to standard error. Lines quote paths, ids and values as given: control characters in
    /// them are made visible, so a crafted name can neither start a forged line nor drive the terminal.
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line.escapingControls + "\n").utf8))
    }

    /// Whether standard output is a terminal that wants colour (`NO_COLOR` unset).
    static var colour: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// Writes `text` to `path` atomically, or prints it when `path` is nil.
    static func emit(_ text: String, to path: String?) throws {
        try emit(data: Data(text.utf8), to: path)
    }

    /// Writes UTF-8 text to `path` atomically, or to standard output when `path` is nil, without copying it
    /// (a gap report can be a hundred megabytes).
    static func emit(utf8 bytes: [UInt8], to path: String?) throws {
        try bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return try emit(data: Data(), to: path) }
            try emit(data: Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: buffer.count, deallocator: .none), to: path)
        }
    }

    /// Writes the UTF-8 text `write` hands over piece by piece: to standard output as it comes, or, with a `path`,
    /// gathered and written to the file atomically.
    static func emit(to path: String?, _ write: ((([UInt8]) throws -> Void)) throws -> Void) throws {
        guard path != nil else {
            return try write { piece in
                try piece.withUnsafeBytes { buffer in
                    guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
                    try emit(data: Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: buffer.count, deallocator: .none),
                             to: nil)
                }
            }
        }
        var whole: [UInt8] = []
        try write { whole.append(contentsOf: $0) }
        try emit(utf8: whole, to: path)
    }

    private static func emit(data: Data, to path: String?) throws {
        guard let path else { return FileHandle.standardOutput.write(data) }
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw Failure(lines: ["\(path): cannot write: \(error.localizedDescription)"], code: 74)
        }
    }
}
