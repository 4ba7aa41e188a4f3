/// An error page: the status, its name and a short message for people; nothing of the server's internals.
public struct ErrorPage: Sendable {
    /// The HTTP status code.
    public var status: Int
    /// A short sentence for people (escaped); the status's own wording when nil.
    public var message: String?
    /// Who the page is for; nil when nobody is logged in (no navigation then).
    public var viewer: PageViewer?

    /// The page for `status`, with `message` or the status's own sentence.
    public init(status: Int, message: String? = nil, viewer: PageViewer? = nil) {
        self.status = status
        self.message = message
        self.viewer = viewer
    }

    /// The status's name (`Not found`).
    public var reason: String {
        switch status {
        case 400: "Bad request"
        case 401: "Not logged in"
        case 403: "Not allowed"
        case 404: "Not found"
        case 405: "Method not allowed"
        case 409: "Conflict"
        case 413: "Too large"
        case 415: "Unsupported file type"
        case 422: "Could not be processed"
        case 429: "Too many requests"
        case 503: "Unavailable"
        case 500..<600: "Server error"
        default: "Error"
        }
    }

    private var defaultMessage: String {
        switch status {
        case 401: "Please log in to see this page."
        case 403: "Your account may not do this."
        case 404: "There is no such page, or the entity is not in the current plan."
        case 500..<600: "Something went wrong on the server. Please try again later."
        default: "The request could not be handled."
        }
    }

    /// The whole page.
    public func render() -> String {
        let body = "<h1>\(status) \(Markup.esc(reason))</h1>\n<p class=\"lead\">\(Markup.esc(message ?? defaultMessage))</p>\n"
            + "<p><a href=\"\(WebPath.dashboard)\">Back to the dashboard</a></p>\n"
        return PageLayout(title: "\(status) \(reason)", viewer: viewer).render(body)
    }
}
