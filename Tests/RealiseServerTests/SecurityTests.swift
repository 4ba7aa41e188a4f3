import Foundation
import Hummingbird
import HummingbirdTesting
import RealiseServer
import RealiseTestSupport
import Testing

/// What the server refuses: the anonymous everywhere, forms without the session's CSRF token, roles beyond their
/// rights, odd ids, hostile uploads and bodies over the limit; and plan text is shown escaped.
@Suite struct SecurityTests {
    /// Every route but the public ones (login, health, the API's description, calendar feeds by their secret).
    static func guardedRoutes(_ fixture: ServerFixture) -> [(HTTPRequest.Method, String)] {
        fixture.server.router().routes.map { ($0.method, "\($0.path)") }
            .filter { !["/login", "/healthz", "/api/v1/openapi.json"].contains($0.1) && !$0.1.hasPrefix("/calendar") }
            .map { ($0.0, $0.1.replacingOccurrences(of: ":id", with: "MET-01").replacingOccurrences(of: ":name", with: "vic")) }
    }

    @Test func everyRouteRefusesTheAnonymous() async throws {
        let fixture = try ServerFixture()
        let routes = Self.guardedRoutes(fixture)
        #expect(routes.count >= 20)
        try await fixture.test { client in
            for (method, path) in routes {
                let response = try await client.execute(uri: path, method: method, headers: [.contentType: SignedInClient.formType],
                                                        body: ByteBuffer(string: "csrf=x"))
                if method == .get && !path.hasPrefix("/api/") {
                    #expect(response.status == .found, "\(method) \(path)")
                    #expect(response.headers[.location]?.hasPrefix("/login?next=") == true, "\(method) \(path)")
                } else {
                    #expect(response.status == .unauthorized, "\(method) \(path)")
                }
            }
        }
    }

    @Test func formsWithoutTheSessionsCSRFTokenAreRefused() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            let admin = try await SignedInClient.signIn(client, as: "ada")
            let forms: [(String, [(String, String)])] = [
                ("/entities/MET-01/measurements", [("date", "2026-11-30"), ("value", "60")]),
                ("/entities/BEN-01/reviews", [("date", "2026-11-30"), ("rag", "green")]),
                ("/entities/BEN-01/schedules", [("cadence", "quarterly"), ("start", "2026-12-01")]),
                ("/schedules/1/remove", []), ("/users", [("name", "eve"), ("role", "admin"), ("password", "12345678x")]),
                ("/users/vic/remove", []), ("/logout", []),
            ]
            for (path, fields) in forms {
                for csrf in ["", "wrong-token"] {
                    let response = try await admin.post(path, fields, csrf: csrf)
                    #expect(response.status == .forbidden, "\(path) csrf=\(csrf)")
                }
            }
            #expect(try await admin.get("/").status == .ok, "still signed in")
        }
        #expect(try fixture.workbench.changes(limit: 50).allSatisfy { $0.actor != "ada" }, "nothing was written")
        #expect(try fixture.workbench.users().count == 5)
    }

    @Test func aViewerSeesNoFormAndAForgedPostIsRefused() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            let viewer = try await SignedInClient.signIn(client, as: "vic")
            let page = try await viewer.get("/entities/MET-01")
            #expect(page.status == .ok)
            #expect(!page.text.contains("/entities/MET-01/measurements"))
            let forged = try await viewer.post("/entities/MET-01/measurements", [("date", "2026-11-30"), ("value", "1")])
            #expect(forged.status == .forbidden)
            let otherOwner = try await SignedInClient.signIn(client, as: "ola")
            #expect(try await otherOwner.post("/entities/MET-01/measurements", [("date", "2026-11-30"), ("value", "1")]).status == .forbidden)
            #expect(try await viewer.get("/users").status == .forbidden)
            #expect(try await viewer.get("/import").status == .forbidden)
        }
    }

    @Test(arguments: ["/entities/..%2F..%2Fetc%2Fpasswd", "/entities/%2E%2E", "/entities/MET-01'%20OR%20'1'='1",
                      "/entities/x;DROP%20TABLE%20entity", "/../../etc/passwd", "/calendar/..%2F..%2Fetc%2Fpasswd.ics", "/calendar/nope.ics"])
    func oddIdsAreNotFound(_ path: String) async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            let viewer = try await SignedInClient.signIn(client, as: "vic")
            let response = try await viewer.get(path)
            #expect(response.status == .notFound, "\(path)")
            #expect(!response.text.contains("root:") && !response.text.contains("SQL") && !response.text.contains("/tmp"), "\(path)")
        }
    }
}
