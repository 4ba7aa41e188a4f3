import Foundation
import Hummingbird
import HummingbirdTesting
import RealiseGaps
import RealiseModel
import RealiseReports
import RealiseServer
import RealiseWorkbench
import Testing

/// The JSON API answers what the command line prints, records what an account may record (in the change log, as that
/// account), and refuses everything else with the status the contract gives and the field at fault.
@Suite struct APITests {
    @Test func gapsAreTheCommandLinesJSON() async throws {
        let fixture = try ServerFixture()
        let token = try fixture.token("vic")
        let day = Day(iso: "2026-06-30")!
        let expected = String(decoding: GapReportFormat.json.renderer().renderUTF8(try fixture.workbench.gapReport(
            GapReportRequest(asOf: day, today: day, wordingEvidence: false, trajectories: false))), as: UTF8.self)
        try await fixture.test { client in
            let response = try await client.api("/api/v1/gaps?as-of=2026-06-30", token: token)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            #expect(response.text == expected)
            #expect(response.text.contains("\"findings\""))
        }
    }

    @Test func theKeptReportFollowsEveryChange() async throws {
        let fixture = try ServerFixture()
        let token = try fixture.token("ana")
        try await fixture.test { client in
            let before = try await client.api("/api/v1/gaps?as-of=2026-12-01", token: token).text
            #expect(before.contains("\"stale-metric\"") && before.contains("MET-06"))
            #expect(try await client.api("/api/v1/gaps?as-of=2026-12-01", token: token).text == before)
            let sent = try await client.api("/api/v1/metrics/MET-06/measurements", .post, token: token, json: #"{"date": "2026-11-30", "value": 2100}"#)
            #expect(sent.status == .created)
            let after = try await client.api("/api/v1/gaps?as-of=2026-12-01", token: token).text
            let day = Day(iso: "2026-12-01")!
            let fresh = String(decoding: GapReportFormat.json.renderer().renderUTF8(try fixture.workbench.gapReport(
                GapReportRequest(asOf: day, today: day, wordingEvidence: false, trajectories: false))), as: UTF8.self)
            #expect(after != before)
            #expect(after == fresh)
        }
    }

    @Test(arguments: [ListSubject.objectives, .benefits, .deliverables, .metrics])
    func listingsAreTheCommandLinesJSON(_ subject: ListSubject) async throws {
        let fixture = try ServerFixture()
        let token = try fixture.token("vic")
        let expected = ListFormat.json.render(try fixture.workbench.listing(subject))
        try await fixture.test { client in
            let response = try await client.api("/api/v1/\(subject.rawValue)", token: token)
            #expect(response.status == .ok)
            #expect(response.text == expected)
        }
    }

    @Test func anOwnerRecordsAMeasurementOfTheirBenefitsMetric() async throws {
        let fixture = try ServerFixture()
        let token = try fixture.token("olu")
        try await fixture.test { client in
            let response = try await client.api("/api/v1/metrics/met-01/measurements", .post, token: token,
                                                json: #"{"date": "2026-11-30", "value": 61.5, "source": "AVL feed", "note": "November"}"#)
            #expect(response.status == .created)
            #expect(response.text.contains(#""metric": "MET-01""#))
        }
        let change = try #require(try fixture.workbench.changes(limit: 1).first)
        #expect(change.actor == "olu")
        #expect(change.summary.contains("MET-01 = 61.5 on 2026-11-30"))
    }

    @Test func aReviewIsRecordedWithItsMeasurements() async throws {
        let fixture = try ServerFixture()
        let token = try fixture.token("ana")
        try await fixture.test { client in
            let response = try await client.api("/api/v1/reviews", .post, token: token, json: """
                {"subject": "BEN-01", "rag": "amber", "date": "2026-11-30", "note": "slower than planned", "measurements": {"MET-01": 64}}
                """)
            #expect(response.status == .created)
            #expect(response.text.contains(#""measurements": 1"#))
        }
        let reviews = try fixture.workbench.reviews(of: "BEN-01")
        #expect(reviews.last?.rag == .amber)
    }

    @Test func refusalsCarryTheirStatusAndField() async throws {
        let fixture = try ServerFixture()
        let (viewer, other, owner) = (try fixture.token("vic"), try fixture.token("ola"), try fixture.token("olu"))
        let valid = #"{"date": "2026-11-30", "value": 60}"#
        let cases: [(String, HTTPRequest.Method, String?, String?, HTTPResponse.Status, String?)] = [
            ("/api/v1/benefits", .get, nil, nil, .unauthorized, nil),
            ("/api/v1/benefits", .get, "not-a-token", nil, .unauthorized, nil),
            ("/api/v1/metrics/MET-01/measurements", .post, viewer, valid, .forbidden, nil),
            ("/api/v1/metrics/MET-01/measurements", .post, other, valid, .forbidden, nil),
            ("/api/v1/metrics/NO-SUCH/measurements", .post, owner, valid, .notFound, nil),
            ("/api/v1/metrics/..%2F..%2Fetc%2Fpasswd/measurements", .post, owner, valid, .notFound, nil),
            ("/api/v1/metrics/MET-01'%20OR%201=1--/measurements", .post, owner, valid, .notFound, nil),
            ("/api/v1/metrics/MET-01/measurements", .post, owner, #"{"date": "2026-02-30", "value": 60}"#, .unprocessableContent, "date"),
            ("/api/v1/metrics/MET-01/measurements", .post, owner, #"{"date": "2026-11-30", "value": "sixty"}"#, .unprocessableContent, "value"),
            ("/api/v1/metrics/MET-01/measurements", .post, owner, #"{"date": "2026-11-30"}"#, .unprocessableContent, "value"),
            ("/api/v1/metrics/MET-01/measurements", .post, owner, "not json", .unprocessableContent, nil),
            ("/api/v1/metrics/MET-01/measurements", .post, owner, "[1, 2]", .unprocessableContent, nil),
            ("/api/v1/reviews", .post, owner, #"{"subject": "BEN-01", "rag": "purple", "date": "2026-11-30"}"#, .unprocessableContent, "rag"),
            ("/api/v1/reviews", .post, owner, #"{"rag": "red", "date": "2026-11-30"}"#, .unprocessableContent, "subject"),
            ("/api/v1/reviews", .post, owner, #"{"subject": "BEN-01", "rag": "red", "date": "2026-11-30", "measurements": {"MET-01": "x"}}"#,
             .unprocessableContent, "measurements.MET-01"),
            ("/api/v1/gaps?as-of=yesterday", .get, viewer, nil, .unprocessableContent, "as-of"),
            ("/api/v1/gaps?only=no-such-rule", .get, viewer, nil, .unprocessableContent, "only"),
            ("/api/v1/reviews/due?within=-3", .get, viewer, nil, .unprocessableContent, "within"),
            ("/api/v1/nothing-here", .get, viewer, nil, .notFound, nil),
        ]
        try await fixture.test { client in
            for (uri, method, token, body, status, field) in cases {
                let response = try await client.api(uri, method, token: token, json: body)
                #expect(response.status == status, "\(method) \(uri) \(body ?? "")")
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true, "\(uri)")
                let error = try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: [String: Any]]
                #expect(error?["error"]?["status"] as? Int == Int(status.code), "\(uri)")
                #expect(error?["error"]?["field"] as? String == field, "\(uri)")
                #expect(!response.text.contains("/tmp/") && !response.text.contains("SQL"), "\(uri): \(response.text)")
            }
        }
        #expect(try fixture.workbench.changes().allSatisfy { $0.action != .measure }, "no refused request wrote anything")
    }

    @Test func aBodyOverTheLimitIsRefusedWith413() async throws {
        let fixture = try ServerFixture()
        let token = try fixture.token("olu")
        let huge = #"{"note": ""# + String(repeating: "x", count: WebLimits.formBytes + 10) + #"", "date": "2026-11-30", "value": 1}"#
        try await fixture.test { client in
            let response = try await client.api("/api/v1/metrics/MET-01/measurements", .post, token: token, json: huge)
            #expect(response.status == .contentTooLarge)
        }
    }

    @Test func theOpenAPIDocumentNamesExactlyTheAPIRoutes() throws {
        let fixture = try ServerFixture()
        let document = try #require(try JSONSerialization.jsonObject(with: Data(fixture.server.openAPIDocument.utf8)) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
        let routed = Set(fixture.server.router().routes.map { "\($0.method) \($0.path)" }
            .filter { $0.contains("/api/v1/") && !$0.hasSuffix("/openapi.json") }
            .map { $0.replacingOccurrences(of: ":id", with: "{id}") })
        #expect(!routed.isEmpty)
        #expect(documented == routed)
    }
}
