import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// A test client signed in as one account: it sends the session cookie, and knows the session's CSRF token (read from
/// a page's form, as a browser has it).
struct SignedInClient {
    let client: any TestClientProtocol
    let cookie: String
    let csrf: String

    /// Signs in as `name` through the login form.
    static func signIn(_ client: any TestClientProtocol, as name: String, password: String = ServerFixture.password) async throws -> SignedInClient {
        let (loginCookie, loginCSRF) = try await loginForm(client)
        let response = try await client.execute(uri: "/login", method: .post, headers: [.cookie: loginCookie, .contentType: formType],
                                                body: ByteBuffer(string: "name=\(name)&password=\(form(password))&csrf=\(loginCSRF)"))
        #expect(response.status == .seeOther, "signing in as \(name)")
        let session = try #require(response.headers[.setCookie], "no session cookie")
        let cookie = String(session.prefix { $0 != ";" })
        let page = try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie])
        return SignedInClient(client: client, cookie: cookie, csrf: try #require(csrfField(in: String(buffer: page.body))))
    }

    /// The login page's cookie (`name=value`) and the CSRF token of its form.
    static func loginForm(_ client: any TestClientProtocol) async throws -> (cookie: String, csrf: String) {
        let page = try await client.execute(uri: "/login", method: .get)
        let cookie = try #require(page.headers[.setCookie]).prefix { $0 != ";" }
        return (String(cookie), try #require(csrfField(in: String(buffer: page.body))))
    }

    func get(_ uri: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie])
    }

    /// Posts `fields` as a form, with the session's CSRF token unless `csrf` says otherwise ("" leaves it out).
    func post(_ uri: String, _ fields: [(String, String)], csrf: String? = nil) async throws -> TestResponse {
        let token = csrf ?? self.csrf
        let pairs = fields + (token.isEmpty ? [] : [("csrf", token)])
        let body = pairs.map { "\(Self.form($0.0))=\(Self.form($0.1))" }.joined(separator: "&")
        return try await client.execute(uri: uri, method: .post, headers: [.cookie: cookie, .contentType: Self.formType],
                                        body: ByteBuffer(string: body))
    }

    static let formType = "application/x-www-form-urlencoded"

    /// `text` percent-encoded for a form body.
    static func form(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
    }

    /// The value of the first `name="csrf"` field of a page.
    static func csrfField(in page: String) -> String? {
        guard let field = page.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(page[field.upperBound...].prefix { $0 != "\"" })
    }
}
