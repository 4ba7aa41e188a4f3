import RealiseModel
import Testing
@testable import RealiseReports

@Suite("Listing tables show the columns their JSON has")
struct ListingColumnsTests {
    @Test("the links table has every key of its JSON rows, in their order")
    func links() throws {
        let listing = Listing.links(ReportFixture.plan)
        let row = try #require(listing.rows.first)
        #expect(listing.tableColumns == row.map(\.0))
        let header = try #require(ListFormat.table.render(listing).split(separator: "\n").first)
        #expect(header.hasPrefix("KIND") && header.contains("DEPENDENCYTYPE") && header.contains("LAGDAYS"), "\(header)")
    }
}
