import Foundation
import RealiseModel

/// A browser's sign-in, as `Workbench.logIn` starts it: the session token for its cookie, the anti-forgery token
/// its forms carry, whose session it is, and when it ends. The workspace keeps only the token's hash.
public struct LoginSession: Sendable {
    /// The session token (base64url, 43 characters): given to the browser once, never stored.
    public var token: String
    /// The token every form posted in the session must carry (cross-site request forgery).
    public var csrf: String
    public var account: Account
    /// When the session stops being accepted: `Workbench.sessionLength` after signing in.
    public var expires: Date

    public init(token: String, csrf: String, account: Account, expires: Date) {
        self.token = token
        self.csrf = csrf
        self.account = account
        self.expires = expires
    }
}
