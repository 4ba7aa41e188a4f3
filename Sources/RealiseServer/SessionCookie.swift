import Foundation
import Hummingbird

/// The cookies the server sets: the session (`HttpOnly; SameSite=Strict`, and `Secure` behind TLS), and before
/// sign-in the login form's CSRF token.
enum SessionCookie {
    static let name = "realise_session"
    static let loginCSRF = "realise_login_csrf"

    static func session(_ token: String, expires: Date, secure: Bool) -> Cookie {
        Cookie(name: name, value: token, expires: expires, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    static func cleared(secure: Bool) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    static func login(_ token: String, secure: Bool) -> Cookie {
        Cookie(name: loginCSRF, value: token, maxAge: 3600, path: "/login", secure: secure, httpOnly: true, sameSite: .strict)
    }
}
