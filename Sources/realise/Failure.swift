import ArgumentParser
import Foundation
import RealiseGaps
import RealiseImport
import RealiseModel
import RealiseReviews
import RealiseStore

/// An error on its way out: printed to standard error as `realise: error: …` and turned into the
/// documented exit code (sysexits).
struct Failure: Error {
    let lines: [String]
    let code: Int32

    init(lines: [String], code: Int32) {
        self.lines = lines
        self.code = code
    }

    init(_ error: any Error) {
        switch error {
        case let error as Failure:
            self = error
        case let error as ImportError:
            self.init(lines: error.diagnostics.map(\.description), code: error.isMissingInput ? 66 : 65)
        case let error as StoreError:
            switch error {
            case .rejected(let problems): self.init(lines: problems.map(\.description), code: 65)
            case .missingWorkspace: self.init(lines: [error.description], code: 66)
            case .unreadableInput(let problems): self.init(lines: problems.map(\.description), code: 66)
            case .unknownEntity, .invalidValue: self.init(lines: [error.description], code: 65)
            case .database, .newerSchema: self.init(lines: [error.description], code: 74)
            case .busy: self.init(lines: [error.description], code: 75)
            case .notEmpty: self.init(lines: [error.description], code: 65)
            }
        case let error as GapError:
            self.init(lines: [error.description], code: 64)
        case let error as ReviewError:
            self.init(lines: [error.description], code: 64)
        default:
            self.init(lines: ["\(error)"], code: 74)
        }
    }

    /// Prints the error and returns the exit code to leave with.
    func report() -> ExitCode {
        for line in lines { Output.error("realise: error: \(line)") }
        return ExitCode(code)
    }
}

/// Runs a command body, reporting any failure with its exit code.
func reporting(_ body: () throws -> Void) throws {
    do { try body() } catch let exit as ExitCode { throw exit } catch { throw Failure(error).report() }
}
