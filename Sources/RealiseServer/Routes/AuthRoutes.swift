import Foundation
import Hummingbird
import RealiseWeb
import RealiseWorkbench

/// Signing in and out. The login form carries a CSRF token that a cookie of its own must match (no session exists yet
/// to hold it); a session is a random token whose hash the workspace keeps, sent back as an `HttpOnly; SameSite=Strict`
/// cookie, so any server of the workspace knows it.
struct AuthRoutes {
    let pool: WorkbenchPool
    let settings: ServerSettings

    func add(to router: Router<WebContext>) {
        router.get("login") { request, context in
            if context.viewer?.session != nil { return Response.seeOther(Self.safeNext(FormFields.query(request)["next"])) }
            return Self.loginPage(next: FormFields.query(request)["next"], secure: settings.secureCookies)
        }
        router.post("login") { request, context in try await logIn(request, context) }
        router.post("logout") { request, context in
            let viewer = try context.requireViewer()
            try await FormFields.body(request).checkCSRF(viewer)
            if let token = viewer.session { try await pool.run { try $0.logOut(token: token) } }
            var response = Response.seeOther(WebPath.login)
            response.setCookie(SessionCookie.cleared(secure: settings.secureCookies))
            return response
        }
    }

    private func logIn(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await FormFields.body(request)
        guard let expected = request.cookies[SessionCookie.loginCSRF]?.value, let given = form["csrf"], FormFields.same(given, expected) else {
            throw WebError.badCSRF
        }
        let (name, password, next) = (form["name"] ?? "", form.all("password").first ?? "", form["next"])
        do {
            let session = try await pool.run { try $0.logIn(name: name, password: password, now: Date()) }
            var response = Response.seeOther(Self.safeNext(next))
            response.setCookie(SessionCookie.session(session.token, expires: session.expires, secure: settings.secureCookies))
            return response
        } catch WorkbenchError.badCredentials {
            return Self.loginPage(next: next, name: name, error: "The name or the password is wrong.", status: .unauthorized,
                                  secure: settings.secureCookies)
        }
    }

    /// The login page with a new CSRF token, set in its cookie too.
    private static func loginPage(next: String?, name: String = "", error: String? = nil, status: HTTPResponse.Status = .ok,
                                  secure: Bool) -> Response {
        let token = RandomToken.make()
        var response = Response.html(LoginPage(csrf: token, error: error, next: next.map(safeNext), name: name).render(), status: status)
        response.setCookie(SessionCookie.login(token, secure: secure))
        return response
    }

    /// Where to go after signing in: a path of this site only (never `//elsewhere` or `https://…`), else the dashboard.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/\\"),
              !next.unicodeScalars.contains(where: { $0.value < 0x20 }) else { return WebPath.dashboard }
        return next
    }
}
