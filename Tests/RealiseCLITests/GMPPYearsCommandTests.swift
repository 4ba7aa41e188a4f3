import Foundation
import RealiseTestSupport
import Testing

/// GMPP returns of three years, written here, imported in every order at the command line: a later year is the
/// earlier one's new version, an earlier one goes into history behind it, and the workspace ends with the same plan
/// and the same past whichever order the years came in.
@Suite("GMPP years in any order (end to end)")
struct GMPPYearsCommandTests {
    /// Each year's projects: id, name, delivery confidence and end date. CO_0009 leaves in 2022, HO_0002 in 2023;
    /// MOD_0003 joins in 2022, DFE_0004 in 2023; HS2 slips each year.
    static let years: [Int: [(id: String, name: String, rag: String, end: String)]] = [
        2021: [("DFT_0001", "HS2", "Amber", "2031-12-31"), ("HO_0002", "ESN", "Red", "2026-12-31"),
               ("CO_0009", "Old portal", "Green", "2022-03-31")],
        2022: [("DFT_0001", "HS2", "Amber/Red", "2032-06-30"), ("HO_0002", "ESN", "Red", "2026-12-31"),
               ("MOD_0003", "Skynet 6", "Amber", "2025-03-31")],
        2023: [("DFT_0001", "HS2", "Red", "2033-06-30"), ("MOD_0003", "Skynet 6", "Amber", "2025-03-31"),
               ("DFE_0004", "School rebuilding", "Amber", "2030-03-31")],
    ]

    /// A workspace into which the years were imported in `order`, one command each.
    static func workspace(_ order: [Int]) throws -> ScratchWorkspace {
        let workspace = try ScratchWorkspace()
        for year in order {
            var text = "year,project_number,project_name,department,colour_rating,start_date,end_date\n"
            for project in years[year]! {
                text += "\(year),\(project.id),\(project.name),\(project.id.prefix(while: { $0 != "_" })),\(project.rag),2015-04-01,\(project.end)\n"
            }
            try text.write(to: workspace.folder.appendingPathComponent("gmpp_\(year).csv"), atomically: true, encoding: .utf8)
            let imported = try workspace.run(["import", "gmpp_\(year).csv"])
            #expect(imported.status == 0, "\(order): \(imported.stderr)")
            let earlier = order.prefix(while: { $0 != year }).contains { $0 > year }
            if earlier {
                #expect(imported.stdout.contains("an earlier year than gmpp_"), "\(order): \(imported.stdout)")
            }
        }
        return workspace
    }

    static func output(_ workspace: ScratchWorkspace, _ arguments: [String]) throws -> String {
        let result = try workspace.run(arguments)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result.stdout
    }

    @Test("every order gives the same projects, the same diff of 2021 against 2022, and each project's history")
    func anyOrder() throws {
        let inOrder = try Self.workspace([2021, 2022, 2023])
        let listing = try Self.output(inOrder, ["list", "deliverables", "--format", "json"])
        let diff = ["diff", "--since", "2021-06-30", "--until", "2022-06-30", "--format", "json"]
        let changes = try Self.output(inOrder, diff)
        for order in [[2023, 2021, 2022], [2022, 2023, 2021], [2023, 2022, 2021]] {
            let other = try Self.workspace(order)
            #expect(try Self.output(other, ["list", "deliverables", "--format", "json"]) == listing, "\(order)")
            #expect(try Self.output(other, diff) == changes, "\(order)")
            #expect(try Self.output(other, ["show", "CO_0009", "--history"]).contains("gmpp_2022.csv"), "\(order)")
        }
        let ids = try #require(try JSONSerialization.jsonObject(with: Data(listing.utf8)) as? [[String: Any]]).map { $0["id"] as? String }
        #expect(ids == ["DFT_0001", "MOD_0003", "DFE_0004"])

        let object = try #require(try JSONSerialization.jsonObject(with: Data(changes.utf8)) as? [String: Any])
        let found = try #require(object["changes"] as? [[String: Any]]).map { change in
            "\(change["kind"] ?? "") \((change["subject"] as? [String: Any])?["id"] ?? "") \(change["days"] ?? "")"
        }
        #expect(found.contains { $0.hasPrefix("added MOD_0003") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("withdrawn CO_0009") }, "\(found)")
        #expect(found.contains("slipped DFT_0001 182"), "\(found)")
        #expect(found.contains { $0.hasPrefix("rag-changed DFT_0001") }, "\(found)")
        #expect(!found.contains { $0.contains("HO_0002") && !$0.hasPrefix("changed") }, "ESN stays: \(found)")

        let left = try Self.output(inOrder, ["show", "HO_0002", "--history"])
        #expect(left.contains("left GMPP in 2023"), "\(left)")
        let slipped = try Self.output(inOrder, ["show", "DFT_0001", "--history"])
        #expect(slipped.contains("2022-03-31") && slipped.contains("(182 days later)") && slipped.contains("amber-red → red"), "\(slipped)")
    }

    @Test("a second return of a year already held is refused, naming the one held, and nothing is written")
    func sameYearTwice() throws {
        let workspace = try Self.workspace([2022])
        let copy = try String(contentsOf: workspace.folder.appendingPathComponent("gmpp_2022.csv"), encoding: .utf8)
        try copy.write(to: workspace.folder.appendingPathComponent("gmpp_2022_revised.csv"), atomically: true, encoding: .utf8)
        let refused = try workspace.run(["import", "gmpp_2022_revised.csv"])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("same year") && refused.stderr.contains("gmpp_2022.csv"), "\(refused.stderr)")
        let runs = try JSONSerialization.jsonObject(with: Data(try Self.output(workspace, ["list", "imports", "--format", "json"]).utf8))
        #expect((runs as? [Any])?.count == 1, "only the first return's run: \(runs)")
    }
}
