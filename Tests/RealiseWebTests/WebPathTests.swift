import RealiseWeb
import Testing

@Suite("the workspace's URLs")
struct WebPathTests {
    @Test("an id is one path segment: `/`, `?`, `#`, spaces, quotes and non-ASCII are percent-encoded")
    func entity() {
        #expect(WebPath.entity("BEN-1") == "/entities/BEN-1")
        #expect(WebPath.entity("BEN/2?x#y z") == "/entities/BEN%2F2%3Fx%23y%20z")
        #expect(WebPath.entity("a\"b<c>'&%") == "/entities/a%22b%3Cc%3E%27%26%25")
        #expect(WebPath.entity("Café_1.2~") == "/entities/Caf%C3%A9_1.2~")
        #expect(WebPath.measurements("M 1") == "/entities/M%201/measurements")
        #expect(WebPath.reviews("B/1") == "/entities/B%2F1/reviews")
        #expect(WebPath.schedules("B?1") == "/entities/B%3F1/schedules")
    }

    @Test("a segment of dots cannot climb the path")
    func dots() {
        #expect(WebPath.entity("..") == "/entities/%2E%2E")
        #expect(WebPath.entity(".") == "/entities/%2E")
        #expect(WebPath.entity("...x") == "/entities/...x")
        #expect(WebPath.removeUser("..") == "/users/%2E%2E/remove")
    }

    @Test("the other paths, and a gap report query that leaves out empty values")
    func others() {
        #expect(WebPath.removeSchedule(42) == "/schedules/42/remove")
        #expect(WebPath.removeUser("ann smith") == "/users/ann%20smith/remove")
        #expect(WebPath.gaps([]) == "/gaps")
        #expect(WebPath.gaps([("as-of", ""), ("severity", "high")]) == "/gaps?severity=high")
        #expect(WebPath.gaps([("skip", "a,b"), ("format", "csv")]) == "/gaps?skip=a%2Cb&format=csv")
        #expect(WebPath.gaps([("only", "x&y=z#")]) == "/gaps?only=x%26y%3Dz%23")
    }
}
