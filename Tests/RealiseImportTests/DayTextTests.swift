import Testing
@testable import RealiseImport
import RealiseModel

@Suite("dates typed as text")
struct DayTextTests {
    @Test(arguments: ["2027-03-31", "31/03/2027", "31/3/27", "31-03-2027", "31.03.2027", "31-Mar-2027", "31 Mar 27",
                      "31 March 2027", "31 march 2027", "2027/3/31", "2027-03-31T00:00:00", "March 31, 2027", "Mar 31 2027",
                      "31/03/2027 09:30", "31/03/2027 9:30 AM"])
    func dayFirstForms(_ text: String) throws {
        #expect(try DayText.parse(text, order: .dmy).get().description == "2027-03-31")
    }

    @Test func monthFirstOnlyWhenAsked() throws {
        #expect(DayText.parse("03/31/2027", order: .dmy) == .failure(.otherOrder(.mdy)))
        #expect(try DayText.parse("03/31/2027", order: .mdy).get().description == "2027-03-31")
        #expect(try DayText.parse("04/03/2027", order: .dmy).get().description == "2027-03-04")
        #expect(try DayText.parse("04/03/2027", order: .mdy).get().description == "2027-04-03")
        #expect(DayText.parse("31/03/2027", order: .mdy) == .failure(.otherOrder(.dmy)))
    }

    @Test func notDates() {
        for text in ["31/02/2027", "2027-02-30", "soon", "Q1 2027", "31/03", "1/2/3/4", "32 March 2027", "31 Marchember 2027"] {
            #expect(DayText.parse(text, order: .dmy) == .failure(.notADate), "\(text)")
        }
    }

    @Test("two-digit years follow Excel: 00-29 are 20xx, 30-99 are 19xx")
    func twoDigitYears() throws {
        #expect(try DayText.parse("1/1/29", order: .dmy).get().description == "2029-01-01")
        #expect(try DayText.parse("1/1/30", order: .dmy).get().description == "1930-01-01")
    }

    @Test("the register CSV reads the dates Excel writes when it saves a UK register")
    func registerCSVDayFirst() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write("register.csv", """
            Benefit ID,Description,Realisation start,Realisation end
            B1,Shorter journeys,31/03/2027,31 March 2029
            B2,Fewer emissions,1/4/27,31-Mar-2030

            """)
        let plan = try ImporterRegistry.standard.read(path: path).plan
        #expect(plan.benefits.map { $0.realisationStart?.description } == ["2027-03-31", "2027-04-01"])
        #expect(plan.benefits.map { $0.realisationEnd?.description } == ["2029-03-31", "2030-03-31"])
        let us = try folder.write("us.csv", "Benefit ID,Description,Realisation start\nB1,Shorter journeys,03/31/2027\n")
        let error = try #require(importError { try ImporterRegistry.standard.read(path: us) })
        #expect(error.diagnostics.map(\.message) == [
            "realisation start '03/31/2027' is not a real date read day first; if the file writes dates month first, import it with --date-order mdy",
        ])
    }
}
