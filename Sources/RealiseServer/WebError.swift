import HTTPTypes
import Hummingbird
import RealiseStore
import RealiseWorkbench

/// Why the server refused or could not answer a request, in words for the person who made it. Every handler throws
/// these (or a `WorkbenchError`, mapped by `init(_:)`); `ErrorMiddleware` turns them into a page, a JSON body or a
/// redirect to the login page, and never shows a stack, a path on the server or a database's own words.
public enum WebError: Error, Sendable {
    /// No valid session or API token: sign in (a page redirects to the login page; the API answers 401).
    case unauthenticated
    /// Signed in, but the account's role may not do this.
    case forbidden(String)
    /// The form's CSRF token is missing or is not the session's.
    case badCSRF
    /// No such page, entity or id.
    case notFound(String)
    /// A field of the form or JSON body is missing or wrong: its name and what is wrong.
    case invalid(field: String?, String)
    /// The use-case refused the request, its lines as it words them (an import's `file:line` problems).
    case refused([String])
    /// Too many failed logins for the name: try again after this many seconds.
    case tooManyAttempts(retryAfter: Int)
    /// The body ended before its length said it would (the client stopped sending).
    case incomplete
    /// The address exists, but not for this method: the methods it takes.
    case methodNotAllowed(allowed: [String])
    /// The body is larger than the server takes.
    case tooLarge(limit: Int)
    /// The workspace cannot be reached or is busy: try again.
    case unavailable
    /// Something failed on the server's side; the details are in the server's log only.
    case server

    /// The use-case's error as the server words it; database failures are logged, never shown.
    init(_ error: WorkbenchError) {
        switch error {
        case .store(.unknownEntity(let id)): self = .notFound("no entity has the id \(id)")
        case .store(.database), .store(.newerSchema), .store(.missingWorkspace): self = .unavailable
        case .store(.busy): self = .unavailable
        case .system: self = .server
        case .badRequest(let message): self = .invalid(field: nil, message)
        case .badCredentials: self = .unauthenticated
        case .tooManyAttempts(let seconds): self = .tooManyAttempts(retryAfter: seconds)
        case .forbidden(let message): self = .forbidden(message)
        case .unknownUser(let name): self = .notFound("no account is named \(name)")
        default: self = .refused(error.lines)
        }
    }

    /// The HTTP status the error answers with.
    var status: HTTPResponse.Status {
        switch self {
        case .unauthenticated: .unauthorized
        case .forbidden, .badCSRF: .forbidden
        case .notFound: .notFound
        case .invalid, .refused: .unprocessableContent
        case .incomplete: .badRequest
        case .methodNotAllowed: .methodNotAllowed
        case .tooManyAttempts: .tooManyRequests
        case .tooLarge: .contentTooLarge
        case .unavailable: .serviceUnavailable
        case .server: .internalServerError
        }
    }

    /// What the person is told, one sentence per line.
    var lines: [String] {
        switch self {
        case .unauthenticated: ["sign in first: this page needs an account (an API call needs `Authorization: Bearer TOKEN`)"]
        case .forbidden(let message): [message]
        case .badCSRF: ["the form has expired or did not come from this site; reload the page and send it again"]
        case .notFound(let message): [message]
        case .invalid(let field, let message): [field.map { "\($0): \(message)" } ?? message]
        case .refused(let lines): lines
        case .tooManyAttempts(let seconds): ["too many failed sign-ins for this name; try again in \(seconds) seconds"]
        case .incomplete: ["the request ended before its body did; send it again"]
        case .methodNotAllowed(let allowed): ["this address takes \(allowed.joined(separator: " and ")) only; it does not take this kind of request (see /api/v1/openapi.json for the API's)"]
        case .tooLarge(let limit): ["the upload is larger than \(limit / 1_048_576) MiB; send fewer or smaller files"]
        case .unavailable: ["the workspace cannot be reached just now; try again in a minute (the server's log says why)"]
        case .server: ["something went wrong on the server; the server's log says what (nothing was changed)"]
        }
    }

    /// The field the error is about, when one is.
    var field: String? {
        if case .invalid(let field, _) = self { return field }
        return nil
    }
}
