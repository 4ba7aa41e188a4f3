import Foundation
import Hummingbird
import RealiseModel

/// A request's context: who makes it (from its session cookie or API token) besides what hummingbird keeps.
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in account, its session's CSRF token and how it signed in; nil for an anonymous request.
    public var viewer: Viewer?

    public init(source: Source) {
        coreContext = .init(source: source)
    }

    /// Plan uploads may be this large in all; a larger body is refused with 413 before it is read.
    public var maxUploadSize: Int { WebLimits.uploadBytes }
}

/// The account behind a request.
public struct Viewer: Sendable {
    /// The signed-in account.
    public var account: Account
    /// The CSRF token of the session (nil for an API token: the API takes no cookies, so no forged request can carry it).
    public var csrf: String?
    /// The session cookie's token (nil for an API token).
    public var session: String?
}

/// The sizes the server refuses to go beyond.
public enum WebLimits {
    /// The largest request body: the files of one upload together.
    public static let uploadBytes = 8 * 1024 * 1024
    /// The largest form or JSON body other than an upload.
    public static let formBytes = 256 * 1024
}

extension WebContext {
    /// The path parameter `name`, percent-decoding undone (an id may hold `/`, `?` or `#`, sent as `%2F`, `%3F`, `%23`);
    /// empty when absent.
    func pathParameter(_ name: String) -> String {
        let raw = parameters.get(name) ?? ""
        return raw.removingPercentEncoding ?? raw
    }
}
