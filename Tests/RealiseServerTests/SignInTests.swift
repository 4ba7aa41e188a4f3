import Foundation
import Hummingbird
import HummingbirdTesting
import RealiseServer
import Testing

/// Signing in and out through the pages: the login form's own CSRF token, the session cookie's flags, the rate limit.
@Suite struct SignInTests {
    @Test func signingInSetsAStrictHttpOnlySessionAndSigningOutEndsIt() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            let (cookie, csrf) = try await SignedInClient.loginForm(client)
            #expect(cookie.hasPrefix("realise_login_csrf="))
            let response = try await client.execute(uri: "/login", method: .post, headers: [.cookie: cookie, .contentType: SignedInClient.formType],
                                                    body: ByteBuffer(string: "name=OLU&password=correct+horse+1&csrf=\(csrf)&next=%2Fmap"))
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/map")
            let session = try #require(response.headers[.setCookie])
            #expect(session.hasPrefix("realise_session="))
            #expect(session.contains("HttpOnly") && session.contains("SameSite=Strict") && !session.contains("Secure"))
            let signedIn = try await SignedInClient.signIn(client, as: "olu")
            let dashboard = try await signedIn.get("/")
            #expect(dashboard.status == .ok)
            #expect(dashboard.text.contains("Head of Passenger Transport"))
            let out = try await signedIn.post("/logout", [])
            #expect(out.status == .seeOther)
            #expect(try await signedIn.get("/").status == .found, "the session ended with the sign-out")
        }
    }

    @Test func theLoginFormRefusesAWrongCSRFTokenAndAWrongPassword() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            let (cookie, csrf) = try await SignedInClient.loginForm(client)
            let headers: HTTPFields = [.cookie: cookie, .contentType: SignedInClient.formType]
            let forged = try await client.execute(uri: "/login", method: .post, headers: headers,
                                                  body: ByteBuffer(string: "name=olu&password=correct+horse+1&csrf=forged"))
            #expect(forged.status == .forbidden)
            let noCookie = try await client.execute(uri: "/login", method: .post, headers: [.contentType: SignedInClient.formType],
                                                    body: ByteBuffer(string: "name=olu&password=correct+horse+1&csrf=\(csrf)"))
            #expect(noCookie.status == .forbidden)
            let wrong = try await client.execute(uri: "/login", method: .post, headers: headers,
                                                 body: ByteBuffer(string: "name=olu&password=wrong&csrf=\(csrf)"))
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("The name or the password is wrong."))
            #expect(wrong.headers[.setCookie]?.hasPrefix("realise_session") != true)
        }
    }

    @Test func repeatedFailuresAreRateLimited() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<7 {
                let (cookie, csrf) = try await SignedInClient.loginForm(client)
                let response = try await client.execute(uri: "/login", method: .post,
                                                        headers: [.cookie: cookie, .contentType: SignedInClient.formType],
                                                        body: ByteBuffer(string: "name=vic&password=guess&csrf=\(csrf)"))
                statuses.append(response.status)
            }
            #expect(statuses.prefix(5).allSatisfy { $0 == .unauthorized })
            #expect(statuses.suffix(2).allSatisfy { $0 == .tooManyRequests })
        }
    }

    @Test func aNextAddressOffTheSiteIsIgnored() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            for next in ["https://evil.example/", "//evil.example/", "/\\evil.example"] {
                let (cookie, csrf) = try await SignedInClient.loginForm(client)
                let response = try await client.execute(uri: "/login", method: .post, headers: [.cookie: cookie, .contentType: SignedInClient.formType],
                                                        body: ByteBuffer(string: "name=ana&password=correct+horse+1&csrf=\(csrf)&next=\(SignedInClient.form(next))"))
                #expect(response.headers[.location] == "/", "\(next)")
            }
        }
    }
}
