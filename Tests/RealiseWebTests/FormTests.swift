import RealiseModel
import RealiseWeb
import Testing

@Suite("the forms: where they are shown, where they post, and their fields")
struct FormTests {
    @Test("every form that posts carries the CSRF token; the login form the one the server gave it")
    func csrf() throws {
        for (name, html) in try RenderedPages().all {
            let posting = try PageScan.forms(html).filter { $0.contains("method=\"post\"") }
            #expect(!posting.isEmpty, "\(name): no form at all (not even logging out)")
            let token = name == "login" ? "LOGIN-TOKEN" : "TOKEN-123"
            for form in posting {
                #expect(form.contains("<input type=\"hidden\" name=\"csrf\" value=\"\(token)\"/>"), "\(name): \(form.prefix(120))")
            }
        }
    }

    @Test("a viewer who may do nothing sees no form but logging out, and no Import or Users entry")
    func readOnly() throws {
        let pages = try RenderedPages(viewer: WebFixture.reader, forms: .none)
        for name in ["dashboard", "entity-benefit", "entity-metric", "entity-programme", "gaps", "map"] {
            let html = pages[name]
            let actions = try PageScan.captures("<form method=\"post\" action=\"([^\"]*)\"", in: html)
            #expect(actions == ["/logout"], "\(name): \(actions)")
            #expect(!html.contains("href=\"/import\"") && !html.contains("href=\"/users\""), "\(name)")
            #expect(html.contains("value=\"TOKEN-456\""))
        }
        #expect(!pages["entity-benefit"].contains("Remove"))
        // The schedule itself is still listed.
        #expect(pages["entity-benefit"].contains("<td>quarterly</td><td>2025-01-01</td>"))
    }

    @Test("each flag shows its own form only, and only where it applies to the entity's type")
    func flags() throws {
        let measureOnly = try RenderedPages(forms: .init(recordMeasurement: true))
        #expect(measureOnly["entity-metric"].contains("action=\"/entities/MET-1/measurements\""))
        #expect(!measureOnly["entity-metric"].contains("/entities/MET-1/reviews") && !measureOnly["entity-metric"].contains("/entities/MET-1/schedules"))
        #expect(!measureOnly["entity-benefit"].contains("/measurements\""))
        let reviewOnly = try RenderedPages(forms: .init(recordReview: true))
        #expect(reviewOnly["entity-benefit"].contains("action=\"/entities/BEN%2F2%3Fx%23y/reviews\""))
        #expect(!reviewOnly["entity-benefit"].contains("/schedules\"") && !reviewOnly["entity-benefit"].contains("/remove\""))
        let all = try RenderedPages()
        // A deliverable is neither measured nor reviewed.
        #expect(!all["entity-deliverable"].contains("<form method=\"post\" action=\"/entities/"))
        #expect(all["entity-programme"].contains("action=\"/entities/PRG-1/reviews\""))
        #expect(!all["entity-programme"].contains("/measurements\""))
    }

    @Test("the measurement, review and schedule forms have the fields the server reads")
    func fields() throws {
        let pages = try RenderedPages()
        let metric = pages["entity-metric"]
        let measure = try #require(try PageScan.forms(metric).first { $0.contains("/measurements\"") })
        #expect(try PageScan.captures("name=\"([^\"]*)\"", in: measure) == ["csrf", "date", "value", "source", "note"])
        #expect(measure.contains("type=\"date\" id=\"measure-date\" name=\"date\""))
        #expect(measure.contains("name=\"value\" inputmode=\"decimal\""))
        let review = try #require(try PageScan.forms(pages["entity-benefit"]).first { $0.contains("/reviews\"") })
        #expect(try PageScan.captures("name=\"([^\"]*)\"", in: review) == ["csrf", "date", "rag", "note", "measurement.MET-1"])
        #expect(try PageScan.captures("<option value=\"([^\"]*)\"", in: review) == RAG.allCases.map(\.rawValue))
        // A metric's review measures the metric itself.
        let metricReview = try #require(try PageScan.forms(metric).first { $0.contains("/reviews\"") })
        #expect(metricReview.contains("name=\"measurement.MET-1\""))
        let schedule = try #require(try PageScan.forms(pages["entity-benefit"]).first { $0.contains("/schedules\"") })
        #expect(try PageScan.captures("name=\"([^\"]*)\"", in: schedule) == ["csrf", "cadence", "start", "reviewer"])
        #expect(pages["entity-benefit"].contains("<form method=\"post\" action=\"/schedules/1/remove\" class=\"inline\">"))
    }

    @Test("the users, import and gap report forms")
    func otherForms() throws {
        let pages = try RenderedPages()
        let add = try #require(try PageScan.forms(pages["users"]).first { $0.contains("action=\"/users\"") })
        #expect(try PageScan.captures("name=\"([^\"]*)\"", in: add) == ["csrf", "name", "display_name", "role", "password"])
        #expect(try PageScan.captures("<option value=\"([^\"]*)\"", in: add) == ["viewer", "owner", "analyst", "admin"])
        // One remove form per account but the viewer's own.
        #expect(try PageScan.captures("action=\"(/users/[^\"]*/remove)\"", in: pages["users"]) == ["/users/x%22onload%3Dx/remove"])
        let upload = try #require(try PageScan.forms(pages["import-done"]).first { $0.contains("action=\"/import\"") })
        #expect(upload.contains("enctype=\"multipart/form-data\"") && upload.contains("name=\"files\" multiple=\"multiple\""))
        let filter = try #require(try PageScan.forms(pages["gaps"]).first { $0.contains("method=\"get\"") })
        #expect(try PageScan.captures("name=\"([^\"]*)\"", in: filter) == ["as-of", "only", "skip", "severity"])
        #expect(filter.contains("<option value=\"high\" selected=\"selected\">High</option>"))
        #expect(filter.contains("name=\"skip\" value=\"a,b\""))
        #expect(pages["gaps"].contains("<a href=\"/gaps?as-of=2026-01-31&amp;skip=a%2Cb&amp;severity=high&amp;format=csv\">CSV</a>"))
        let login = try #require(try PageScan.forms(pages["login"]).first)
        #expect(try PageScan.captures("name=\"([^\"]*)\"", in: login) == ["csrf", "name", "password", "next"])
    }
}
