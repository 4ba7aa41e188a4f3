import CLibFuzzer
import Foundation
import RealiseImport
import RealiseModel
import RealiseStore

/// What every harness does with libFuzzer's input: the importers read from a path, so the bytes go to one
/// temporary file per process (`/tmp/realise-fuzz-<pid>.<ext>`, overwritten for each input), and the entry
/// point is called on it. A thrown `ImportError` is a correct answer to a bad file; only a crash, an
/// AddressSanitizer report, a leak, a timeout or running out of memory is a finding.
public enum FuzzInput {
    /// A harness: libFuzzer's `LLVMFuzzerTestOneInput`.
    public typealias Harness = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

    /// Runs libFuzzer's driver (flags and inputs from the command line) on `harness`.
    ///
    /// Each harness calls this from `<module>_main`: SwiftPM links an executable's `main` to that symbol on
    /// Linux (`--defsym main=<module>_main`), so the harness must define it, and libFuzzer's own `main`
    /// never runs.
    public static func runDriver(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                 _ harness: Harness) -> CInt {
        var argc = argc, argv = argv
        // libFuzzer ends with exit(): the temporary files (and the grouped harness's folder) go then.
        atexit {
            for ext in FuzzInput.extensions { unlink(FuzzInput.path(ext: ext)) }
            FuzzInput.removeFolder()
        }
        return LLVMFuzzerRunDriver(&argc, &argv, harness)
    }

    /// The extensions the harnesses give their temporary files.
    static let extensions = ["xml", "csv", "txt", "yaml"]

    /// The temporary file for inputs with extension `ext` (the extension only matters for sniffing by humans:
    /// Realise sniffs content).
    public static func path(ext: String) -> String { "/tmp/realise-fuzz-\(getpid()).\(ext)" }

    /// libFuzzer's buffer as bytes (a nil pointer is the empty input).
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// Writes the input to the temporary file and runs `body` on its path; an `ImportError` is swallowed.
    /// Returns 0, what libFuzzer expects.
    public static func withFile(_ data: UnsafePointer<UInt8>?, _ size: Int, ext: String,
                                _ body: (String) throws(ImportError) -> Void) -> CInt {
        let path = path(ext: ext)
        save(bytes(data, size), to: path)
        do { try body(path) } catch { check(error, path: path) }
        return 0
    }

    /// Runs an importer on the input and checks what it returns.
    public static func read(_ importer: some PlanImporter, _ data: UnsafePointer<UInt8>?, _ size: Int, ext: String,
                            options: ImportOptions = .init()) -> CInt {
        withFile(data, size, ext: ext) { path throws(ImportError) in
            check(try importer.read(path: path, options: options), path: path)
        }
    }

    /// Invariants of an error: it says something, and what it locates is in the file read.
    public static func check(_ error: ImportError, path: String) {
        let diagnostics = error.diagnostics
        guard !diagnostics.isEmpty else { fail("an ImportError without a diagnostic: \(error)") }
        for diagnostic in diagnostics {
            guard diagnostic.line >= 0 else { fail("a negative line: \(diagnostic)") }
        }
    }

    /// Invariants of an imported plan: warnings are located at a line, never a negative one; and the plan can
    /// be validated as `realise import` then does (ids, references, dates), whatever that finds.
    public static func check(_ result: Plan.WithWarnings, path: String) {
        for warning in result.warnings where warning.line < 0 {
            fail("a warning with a negative line: \(warning)")
        }
        for problem in validationProblems(result.plan, path: path) where problem.line < 0 {
            fail("a validation problem with a negative line: \(problem)")
        }
        // Numbers are finite: NaN and infinity cannot be stored, compared, exported as JSON or read back.
        let plan = result.plan
        let numbers: [(String, Double?)] = plan.deliverables.map { ("percent complete of \($0.id)", $0.percentComplete) }
            + plan.values.map { ("value of \($0.metric) on \($0.date)", $0.value) }
            + plan.links.flatMap { [("lag of \($0.from)→\($0.to)", $0.lagDays), ("share of \($0.from)→\($0.to)", $0.share)] }
        for case let (what, number?) in numbers where !number.isFinite {
            fail("\(what) is \(number)")
        }
    }

    /// One in-memory workspace per process, into which each plan is imported and rolled back.
    nonisolated(unsafe) private static var workspace: Workspace?

    /// What importing the plan finds wrong (`Workspace.problems(importing:)`), the one validation path; a
    /// storage failure is a finding.
    static func validationProblems(_ plan: Plan, path: String) -> [Diagnostic] {
        do {
            if workspace == nil { workspace = try Workspace(actor: "fuzz") }
            return try workspace!.problems(importing: [ImportedFile(path: path, format: "fuzz", sha256: UUID().uuidString, plan: plan)])
        } catch {
            fail("validating the plan through a workspace failed: \(error)")
        }
    }

    /// Stops the run with a message (libFuzzer reports the abort as a crash and saves the input).
    public static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("realise-fuzz: invariant broken: \(message)\n".utf8))
        abort()
    }

    /// Writes `bytes` to `path` (created or truncated), or stops the run: a harness that cannot write its
    /// input would test nothing.
    public static func save(_ bytes: [UInt8], to path: String) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { fail("cannot write \(path): errno \(errno)") }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
            guard written > 0 else { fail("cannot write \(path): errno \(errno)") }
            offset += written
        }
    }
}
