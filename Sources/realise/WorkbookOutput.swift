import ArgumentParser
import Foundation

/// Where a workbook (`--format xlsx`) goes: the `--output` file, or standard output when that is not a
/// terminal (a pipe or a redirect); a workbook is binary, so asking for one on a terminal is a usage error.
enum WorkbookOutput {
    /// Throws the usage error (exit 64) for a workbook with no `--output` on a terminal.
    static func validate(_ isWorkbook: Bool, output: String?) throws {
        guard isWorkbook, output == nil, isatty(STDOUT_FILENO) == 1 else { return }
        throw ValidationError("--format xlsx writes a binary workbook: give --output FILE (or redirect standard output to a file)")
    }

    /// Runs `write` with the path to write the workbook to, then, without `--output`, copies it to standard output.
    static func emit(to output: String?, _ write: (String) throws -> Void) throws {
        let path = output ?? FileManager.default.temporaryDirectory.appendingPathComponent("realise-\(UUID().uuidString).xlsx").path
        defer { if output == nil { try? FileManager.default.removeItem(atPath: path) } }
        do { try write(path) } catch {
            throw Failure(lines: ["\(output ?? "standard output"): cannot write the workbook: \(error.localizedDescription)"], code: 74)
        }
        guard output == nil else { return }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(lines: ["standard output: cannot write the workbook"], code: 74)
        }
        FileHandle.standardOutput.write(data)
    }
}
