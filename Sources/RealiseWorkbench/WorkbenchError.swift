import RealiseGaps
import RealiseImport
import RealiseReviews
import RealiseStore

/// Why a use-case could not be carried out, in words a person can act on. Every error a `Workbench` use-case throws
/// is one of these, so a front end (the command line, a web server) maps one enum to its own exit codes or statuses.
public enum WorkbenchError: Error, Sendable, CustomStringConvertible {
    /// The workspace could not be opened, read or written, or refused what was asked of it.
    case store(StoreError)
    /// Plan files could not be read, or are not valid plans.
    case planFiles(ImportError)
    /// A rule named in `only` or `skip` is no rule's id.
    case unknownRule(GapError)
    /// A review cadence given is neither a named cadence nor a valid RRULE.
    case cadence(ReviewError)
    /// A review schedule stored in the workspace at `workspace` has a cadence that cannot be read.
    case unreadableSchedule(workspace: String, ReviewError)
    /// The request contradicts itself or asks for something out of range (a due day before the day agreed, a
    /// negative number of days): nothing was done.
    case badRequest(String)
    /// Something beneath the libraries failed (the system, not the request): its own words.
    case system(String)
    /// A sign-in named no account, or the wrong password: one error for both, so that it does not tell which.
    case badCredentials
    /// Too many failed sign-ins for the name lately: try again after this many seconds (the password was not checked).
    case tooManyAttempts(retryAfter: Int)
    /// The account may not do what was asked: the sentence says what and who may.
    case forbidden(String)
    /// No account has this name.
    case unknownUser(String)

    /// The error, one sentence per line (a rejected import has one line per problem).
    public var lines: [String] {
        switch self {
        case .store(.rejected(let problems)), .store(.unreadableInput(let problems)): problems.map(\.description)
        case .store(let error): [error.description]
        case .planFiles(let error): error.diagnostics.map(\.description)
        case .unknownRule(let error): [error.description]
        case .cadence(let error): [error.description]
        case .unreadableSchedule(let workspace, let error): ["\(workspace): a stored review schedule cannot be read: \(error)"]
        case .badRequest(let message): [message]
        case .system(let message): [message]
        case .badCredentials: ["unknown account or wrong password; check both and sign in again"]
        case .tooManyAttempts(let seconds):
            ["too many failed sign-ins for this account; wait \(seconds) s (about \((seconds + 59) / 60) min) and try again"]
        case .forbidden(let message): [message]
        case .unknownUser(let name): ["no account named '\(name)' in the workspace; `realise user list` shows the accounts"]
        }
    }

    /// The error's lines, one after another.
    public var description: String { lines.joined(separator: "\n") }

    /// Any error as a `WorkbenchError`: those of the libraries by their kind, anything else as `.system`.
    static func wrapping(_ error: any Error) -> WorkbenchError {
        switch error {
        case let error as WorkbenchError: error
        case let error as StoreError: .store(error)
        case let error as ImportError: .planFiles(error)
        case let error as GapError: .unknownRule(error)
        case let error as ReviewError: .cadence(error)
        default: .system("\(error)")
        }
    }
}

/// Runs `body`, turning whatever it throws into a `WorkbenchError`.
func workbenchErrors<T>(_ body: () throws -> T) throws(WorkbenchError) -> T {
    do { return try body() } catch { throw WorkbenchError.wrapping(error) }
}
