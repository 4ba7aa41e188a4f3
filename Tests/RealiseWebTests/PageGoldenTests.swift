import RealiseWeb
import Testing

@Suite("pages against their golden files")
struct PageGoldenTests {
    @Test("each page over the fixture is byte for byte its golden file")
    func pages() throws {
        let pages = try RenderedPages()
        for (name, html) in pages.all { try golden.check(html, "\(name).html") }
        golden.checkCatalogue(Set(pages.all.map { "\($0.name).html" }))
        try golden.checkBytesKept()
    }
}
