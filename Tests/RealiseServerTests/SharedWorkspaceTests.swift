import Foundation
import Hummingbird
import HummingbirdTesting
import RealiseServer
import RealiseTestSupport
import Testing

/// Two servers over one PostgreSQL workspace, as behind a load balancer: a session made on one is good on the other,
/// a change made through one is seen through the other, and signing out on one ends the session on both.
@Suite(.enabled(if: TestPostgres.url != nil || Requirement.strict, Comment(rawValue: TestPostgres.missing)))
struct SharedWorkspaceTests {
    @Test func sessionsAndChangesAreSharedBetweenServers() async throws {
        let fixture = try ServerFixture(postgres: true)
        let second = try WebServer(settings: ServerSettings(port: 0, workspace: fixture.workspace, connections: 2, today: ServerFixture.today))
        try await fixture.test { first in
            try await Application(router: second.router()).test(.router) { other in
                let owner = try await SignedInClient.signIn(first, as: "olu")
                let elsewhere = SignedInClient(client: other, cookie: owner.cookie, csrf: owner.csrf)
                #expect(try await elsewhere.get("/").status == .ok, "the session made on the first server is good on the second")
                let sent = try await elsewhere.post("/entities/MET-01/measurements", [("date", "2026-11-30"), ("value", "59.5")])
                #expect(sent.status == .seeOther)
                #expect(try await owner.get("/entities/MET-01").text.contains("59.5"), "the first server sees the change")
                #expect(try await owner.post("/logout", []).status == .seeOther)
                #expect(try await elsewhere.get("/").status == .found, "signed out on both")
            }
        }
        #expect(try fixture.workbench.changes(limit: 1).first?.actor == "olu")
    }
}
