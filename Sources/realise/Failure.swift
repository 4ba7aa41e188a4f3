import ArgumentParser
import Foundation
import RealiseGaps
import RealiseImport
import RealiseModel
import RealiseReviews
import RealiseStore
import RealiseWorkbench

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
            case .accountExists, .unknownAccount: self.init(lines: [error.description], code: 65)
            }
        case let error as WorkbenchError:
            self.init(error)
        case let error as GapError:
            self.init(lines: [error.description], code: 64)
        case let error as ReviewError:
            self.init(lines: [error.description], code: 64)
        default:
            self.init(lines: ["\(error)"], code: 74)
        }
    }

    /// A use-case's error with the exit code the command line documents for its kind.
    init(_ error: WorkbenchError) {
        let code: Int32 = switch error {
        case .store(let error): Failure(error).code
        case .planFiles(let error): Failure(error).code
        case .unknownRule, .cadence, .badRequest: 64
        case .unreadableSchedule, .system: 74
        case .unknownUser: 65
        // Signing in and permissions are the server's; should a command ever meet them: sysexits' EX_NOPERM and
        // EX_TEMPFAIL.
        case .badCredentials, .forbidden: 77
        case .tooManyAttempts: 75
        }
        self.init(lines: error.lines, code: code)
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
        guard var message = sentence(lines.prefix { !$0.hasPrefix("Help:") && !$0.hasPrefix("Usage:") }) else { return nil }
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

    /// The parser's message as one sentence in the words of realise's own errors: `Unknown option '--formt'. Did you
    /// mean '--format'?` → `unknown option '--formt': did you mean `--format`?`; a value not among the choices listed
    /// below it → `the value 'htm' is invalid for '--format <format>': give one of text, …, html (did you mean `html`?)`.
    private static func sentence(_ lines: some Collection<String>) -> String? {
        let parts = lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard var message = parts.first else { return nil }
        if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
        message = message.prefix(1).lowercased() + message.dropFirst()
        message = message.replacingOccurrences(of: #"\. Did you mean '([^']*)'\?$"#, with: ": did you mean `$1`?",
                                               options: .regularExpression)
        // The choices: listed on the lines below (`- text`), or in the sentence (`one of 'red', 'amber' or 'green'.`).
        var choices = parts.dropFirst().map { $0.hasPrefix("- ") ? String($0.dropFirst(2)) : $0 }
        if let inline = message.firstMatch(of: /\. Please provide one of ('.*')\.$/) {
            choices = inline.1.matches(of: /'([^']*)'/).map { String($0.1) }
            message.removeSubrange(inline.range)
        }
        guard !choices.isEmpty else { return message }
        message = message.replacingOccurrences(of: #"\. Please provide one of the following:$"#, with: "",
                                               options: .regularExpression)
        message += ": give one of " + choices.joined(separator: ", ")
        if let typed = message.firstMatch(of: /^the value '([^']*)'/)?.1, let near = NearMiss.closest(to: String(typed), among: choices) {
            message += " (did you mean `\(near)`?)"
        }
        return message
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
