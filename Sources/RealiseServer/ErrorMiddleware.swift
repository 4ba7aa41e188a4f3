import Foundation
import Hummingbird
import Logging
import RealiseReports
import RealiseWeb
import RealiseWorkbench

/// Turns what a handler throws into the answer a person or a client can act on: a JSON error under `/api/`, a page
/// elsewhere, the login page for a page that needs an account. Anything unforeseen is logged here and answered with a
/// plain 500 that shows nothing of the server's internals.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let logger: Logger
    let page: @Sendable (WebError, Viewer?) -> String
    /// The routes' methods and paths (`/entities/:id`), to tell an address that exists for other methods (405, with
    /// the methods it takes) from none (404).
    let routes: [(method: String, path: String)]

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let failure = webError(error, request: request)
            let path = request.uri.path
            if path.hasPrefix("/api/") || path == "/healthz" { return Self.json(failure) }
            if case .unauthenticated = failure, request.method == .get {
                return Response.redirect(to: WebPath.login + "?next=" + WebPath.component(request.uri.description), type: .found)
            }
            var response = Response(status: failure.status, headers: [.contentType: "text/html; charset=utf-8"],
                                    body: .init(byteBuffer: ByteBuffer(string: page(failure, context.viewer))))
            Self.addHeaders(failure, to: &response)
            return response
        }
    }

    private func webError(_ error: any Error, request: Request) -> WebError {
        switch error {
        case let error as WebError:
            if case .server = error { logger.error("\(request.method) \(request.uri.path): \(error)") }
            return error
        case let error as WorkbenchError:
            let mapped = WebError(error)
            if case .unavailable = mapped { logger.error("\(request.method) \(request.uri.path): \(error)") }
            if case .server = mapped { logger.error("\(request.method) \(request.uri.path): \(error)") }
            return mapped
        case let error as any HTTPResponseError:
            switch error.status {
            case .notFound:
                let allowed = Set(routes.filter { Self.matches(request.uri.path, $0.path) }.map(\.method)).sorted()
                return allowed.isEmpty ? .notFound("there is no page at this address") : .methodNotAllowed(allowed: allowed)
            case .contentTooLarge: return .tooLarge(limit: WebLimits.uploadBytes)
            default:
                if error.status.code < 500 { return .invalid(field: nil, "the request could not be read") }
                logger.error("\(request.method) \(request.uri.path): \(error)")
                return .server
            }
        default:
            logger.error("\(request.method) \(request.uri.path): \(error)")
            return .server
        }
    }

    /// Whether `path` is an address of the route `pattern` (whose `:name` segments match any one segment).
    static func matches(_ path: String, _ pattern: String) -> Bool {
        let (given, wanted) = (path.split(separator: "/"), pattern.split(separator: "/"))
        return given.count == wanted.count && zip(given, wanted).allSatisfy { $1.hasPrefix(":") || $0 == $1 }
    }

    /// `{"error": {"status": 422, "message": "…", "field": "value"}}`.
    static func json(_ error: WebError) -> Response {
        var fields: [(String, JSONValue)] = [("status", .number(Double(error.status.code))),
                                             ("message", .string(error.lines.joined(separator: "\n")))]
        if let field = error.field { fields.append(("field", .string(field))) }
        var response = Response.json(.object([("error", .object(fields))]), status: error.status)
        if case .unauthenticated = error { response.headers[.wwwAuthenticate] = "Bearer realm=\"realise\"" }
        addHeaders(error, to: &response)
        return response
    }

    /// The headers an error's status asks for: when to try again (429), the methods an address takes (405).
    private static func addHeaders(_ error: WebError, to response: inout Response) {
        if case .tooManyAttempts(let seconds) = error { response.headers[.retryAfter] = String(seconds) }
        if case .methodNotAllowed(let allowed) = error { response.headers[.allow] = allowed.joined(separator: ", ") }
    }
}
