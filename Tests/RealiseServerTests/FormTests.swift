import Foundation
import Hummingbird
import HummingbirdTesting
import RealiseModel
import RealiseServer
import Testing

/// The entity page's forms record what the API records, as the signed-in account, and send the browser back to the
/// page saying so; a mistake shows the page again with the field at fault.
@Suite struct FormTests {
    @Test func anOwnerRecordsAMeasurementAndSeesItOnThePageAndInTheChangeLog() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            let owner = try await SignedInClient.signIn(client, as: "olu")
            let page = try await owner.get("/entities/MET-01")
            #expect(page.text.contains("action=\"/entities/MET-01/measurements\""))
            let sent = try await owner.post("/entities/MET-01/measurements", [("date", "2026-11-30"), ("value", "61.25"), ("source", "AVL"), ("note", "")])
            #expect(sent.status == .seeOther)
            #expect(sent.headers[.location] == "/entities/MET-01?done=measurement")
            let after = try await owner.get("/entities/MET-01?done=measurement")
            #expect(after.text.contains("Measurement recorded."))
            #expect(after.text.contains("61.25"))
            #expect(try await owner.get("/").text.contains("MET-01 = 61.25 on 2026-11-30"))
        }
        #expect(try fixture.workbench.changes(limit: 1).first?.actor == "olu")
    }

    @Test func aMistakeShowsThePageAgainWithTheField() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            let owner = try await SignedInClient.signIn(client, as: "olu")
            let response = try await owner.post("/entities/MET-01/measurements", [("date", "2026-11-31"), ("value", "61")])
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("date: &#39;2026-11-31&#39; is not a date") || response.text.contains("date: '2026-11-31' is not a date"))
            let value = try await owner.post("/entities/MET-01/measurements", [("date", "2026-11-30"), ("value", "lots")])
            #expect(value.status == .unprocessableContent)
            #expect(value.text.contains("value:"))
        }
        #expect(try fixture.workbench.changes().allSatisfy { $0.action != .measure })
    }

    @Test func anOwnerRecordsAReviewWithItsMeasurements() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            let owner = try await SignedInClient.signIn(client, as: "olu")
            let sent = try await owner.post("/entities/BEN-01/reviews", [("date", "2026-11-30"), ("rag", "amber-green"), ("note", "on track"),
                                                                         ("measurement.MET-01", "63")])
            #expect(sent.status == .seeOther)
        }
        let review = try #require(try fixture.workbench.reviews(of: "BEN-01").last)
        #expect(review.rag == .amberGreen)
        #expect(review.reviewer == "Head of Passenger Transport")
    }

    @Test func anAnalystSchedulesAReviewAndItsReviewerGetsItInTheirCalendar() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            let analyst = try await SignedInClient.signIn(client, as: "ana")
            let sent = try await analyst.post("/entities/BEN-01/schedules", [("cadence", "quarterly"), ("start", "2026-12-15"),
                                                                             ("reviewer", "head of passenger transport")])
            #expect(sent.status == .seeOther)
            let owner = try await SignedInClient.signIn(client, as: "olu")
            let dashboard = try await owner.get("/").text
            let link = try #require(dashboard.range(of: "/calendar/").map { dashboard[$0.lowerBound...].prefix { $0 != "\"" && $0 != "<" } })
            #expect(dashboard.contains("href=\"http://"), "the feed's whole address is a link")
            let calendar = try await client.execute(uri: String(link), method: .get)
            #expect(calendar.status == .ok)
            #expect(calendar.headers[.contentType]?.hasPrefix("text/calendar") == true)
            #expect(calendar.text.contains("BEGIN:VEVENT") && calendar.text.contains("BEN-01"))
            let other = try await SignedInClient.signIn(client, as: "vic")
            let otherText = try await other.get("/").text
            let otherLink = try #require(otherText.range(of: "/calendar/").map { otherText[$0.lowerBound...].prefix { $0 != "\"" && $0 != "<" } })
            #expect(try await client.execute(uri: String(otherLink), method: .get).text.contains("BEGIN:VEVENT") == false)
        }
    }

    @Test func theGapReportDownloadsInEveryFormat() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            let viewer = try await SignedInClient.signIn(client, as: "vic")
            let page = try await viewer.get("/gaps?severity=high&as-of=2026-06-30")
            #expect(page.status == .ok)
            for (format, type) in [("json", "application/json"), ("csv", "text/csv"), ("md", "text/markdown"), ("html", "text/html"),
                                   ("xlsx", "application/vnd.openxmlformats")] {
                let download = try await viewer.get("/gaps?format=\(format)&as-of=2026-06-30")
                #expect(download.status == .ok, "\(format)")
                #expect(download.headers[.contentType]?.hasPrefix(type) == true, "\(format)")
                #expect(download.headers[.contentDisposition]?.contains("attachment") == true, "\(format)")
            }
            #expect(try await viewer.get("/gaps?format=exe").status == .unprocessableContent)
            #expect(try await viewer.get("/map.svg").headers[.contentType]?.hasPrefix("image/svg+xml") == true)
        }
    }

    @Test func anAdminAddsAndRemovesAnAccountOnTheUsersPage() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            let admin = try await SignedInClient.signIn(client, as: "ada")
            let added = try await admin.post("/users", [("name", "bea"), ("display_name", "Bea Board"), ("role", "viewer"), ("password", "long enough 1")])
            #expect(added.status == .seeOther)
            #expect(try await admin.get("/users").text.contains("Bea Board"))
            let short = try await admin.post("/users", [("name", "cy"), ("role", "viewer"), ("password", "short")])
            #expect(short.status == .unprocessableContent)
            #expect(try await admin.post("/users/bea/remove", []).status == .seeOther)
            #expect(try await admin.post("/users/ada/remove", []).status == .unprocessableContent)
        }
        #expect(try fixture.workbench.users().map(\.name).sorted() == ["ada", "ana", "ola", "olu", "vic"])
    }
}
