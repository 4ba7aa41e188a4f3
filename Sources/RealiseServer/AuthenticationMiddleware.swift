import Foundation
import Hummingbird
import RealiseWorkbench

/// Finds the account behind a request: its `Authorization: Bearer` API token or, failing that, its session cookie.
/// An unknown or expired token is an anonymous request; a route that needs an account refuses it (`requireViewer`).
/// A bearer token that is given and wrong is refused at once, so that a client never mistakes it for anonymous access.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let pool: WorkbenchPool

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        let now = Date()
        if let header = request.headers[.authorization] {
            guard header.lowercased().hasPrefix("bearer "), case let token = String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces),
                  !token.isEmpty, token.count <= 256,
                  let account = try await lookUp({ try $0.apiAccount(token: token, now: now) }) else {
                throw WebError.unauthenticated
            }
            context.viewer = Viewer(account: account, csrf: nil, session: nil)
        } else if let token = request.cookies[SessionCookie.name]?.value, !token.isEmpty, token.count <= 256,
                  let (account, csrf) = try await lookUp({ try $0.session(token: token, now: now) }) {
            context.viewer = Viewer(account: account, csrf: csrf, session: token)
        }
        return try await next(request, context)
    }

    private func lookUp<T: Sendable>(_ body: @escaping @Sendable (Workbench) throws -> T) async throws -> T {
        do { return try await pool.run(body) } catch let error as WorkbenchError { throw WebError(error) }
    }
}

extension WebContext {
    /// The signed-in account; an anonymous request is refused (401, or the login page for a page).
    func requireViewer() throws(WebError) -> Viewer {
        guard let viewer else { throw .unauthenticated }
        return viewer
    }
}
