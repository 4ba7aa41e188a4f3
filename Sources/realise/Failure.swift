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

extension Failure {
    /// An error from parsing or running the command, in realise's own words: the parser's message on one line,
    /// prefixed like every other error, with the help to read (`see realise gaps --help`) and, for a mistyped
    /// command, the one meant. Nil for what the parser prints itself: help, the version, a clean exit.
    static func parsing(_ error: any Error, arguments: [String]) -> Failure? {
        if let failure = error as? Failure { return failure }
        let code = Realise.exitCode(for: error)
        guard !(error is ExitCode), code != .success else { return nil }
        let lines = Realise.fullMessage(for: error).components(separatedBy: "\n")
        guard var message = lines.first(where: { !$0.isEmpty }) else { return nil }
        if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
        // The parser's `Unknown option '--formt'. Did you mean '--format'?`, in the words of realise's own errors.
        message = message.prefix(1).lowercased() + message.dropFirst()
        message = message.replacingOccurrences(of: #"\. Did you mean '([^']*)'\?$"#, with: ": did you mean `$1`?",
                                               options: .regularExpression)
        if let unknown = Failure.unknownCommand(in: arguments), message.contains("'\(unknown.typed)'") {
            let (typed, group) = unknown
            let names = group.configuration.subcommands.compactMap { $0.configuration.commandName }
            message = "unknown command '\(typed)'" + (NearMiss.closest(to: typed, among: names).map { ": did you mean `\($0)`?" } ?? "")
        }
        // `See 'realise gaps --help' for more information.`: the command whose help to read.
        if !message.hasSuffix("?"), let see = lines.first(where: { $0.contains("See '") }),
           let help = see.split(separator: "'").dropFirst().first {
            message += "; see `\(help)`"
        }
        return Failure(lines: [message], code: code.rawValue)
    }

    /// The first word where a command name was expected that names none, with the command it was meant to belong
    /// to: `gapz` in `realise gapz`, `histroy` in `realise review histroy`.
    private static func unknownCommand(in arguments: [String]) -> (typed: String, group: any ParsableCommand.Type)? {
        var command: any ParsableCommand.Type = Realise.self
        for argument in arguments where !argument.hasPrefix("-") {
            let subcommands = command.configuration.subcommands
            guard !subcommands.isEmpty else { return nil }
            guard let next = subcommands.first(where: { $0.configuration.commandName == argument }) else { return (argument, command) }
            command = next
        }
        return nil
    }
}
