import Foundation
import Testing
@testable import RealiseImport
import RealiseModel

@Suite("gmpp-csv importer")
struct GMPPImporterTests {
    @Test("the GMPP format's id is the one the workspace treats as yearly editions")
    func yearlyEditionFormat() {
        #expect(ImportFormat.gmppCSV.rawValue == ImportedFile.yearlyEditionFormat)
    }

    let registry = ImporterRegistry.standard

    func read(_ fixture: String) throws -> LoadedFile {
        try registry.read(path: Fixtures.path("gmpp/" + fixture))
    }

    func project(_ plan: Plan, _ id: String) throws -> Deliverable {
        try #require(plan.deliverables.first { $0.id == id }, "no project \(id) in \(plan.deliverables.map(\.id))")
    }

    // MARK: 2014: one project per row, ',', no id column

    @Test func rows2014() throws {
        let file = try read("uk-2014-rows.csv")
        #expect(file.format == "gmpp-csv")
        let plan = file.plan
        // No id column: name slugs; the second "Crossrail" takes its department's slug.
        #expect(plan.deliverables.map(\.id) == ["crossrail", "universal-credit-programme", "thameslink-programme",
                                                 "border-systems-programme", "crossrail-hmt"])
        #expect(plan.deliverables.allSatisfy { $0.kind == .project && $0.organisation != nil })
        #expect(plan.deliverables.map(\.source.line) == [2, 4, 5, 6, 9])
        #expect(plan.deliverables.map(\.source.identifier) == ["Crossrail", "Universal Credit Programme", "Thameslink Programme",
                                                                "Border Systems Programme", "Crossrail"])
        #expect(plan.deliverables.map(\.deliveryConfidence) == [.amberGreen, nil, nil, .red, nil])
    }

    @Test func datesOf2014() throws {
        let plan = try read("uk-2014-rows.csv").plan
        let crossrail = try project(plan, "crossrail")
        #expect(crossrail.plannedStart == .iso("2008-06-30"), "30.06.08: a two-digit year below 70 is 20xx")
        #expect(crossrail.plannedFinish == .iso("2018-12-31"))
        #expect(try project(plan, "thameslink-programme").plannedFinish == .iso("2019-04-01"), "01-Apr-19")
        #expect(try project(plan, "crossrail-hmt").plannedStart == .iso("2009-04-01"), "1 April 2009")
        #expect(try project(plan, "border-systems-programme").plannedStart == nil, "31/02/2012 is no day")
    }

    @Test func notesOf2014() throws {
        let plan = try read("uk-2014-rows.csv").plan
        #expect(try project(plan, "crossrail").notes == """
            A new east-west railway across London, from Reading to Shenfield.

            Department: DfT; Whole-life cost: £14,800m; Financial-year budget: £1,229m; Financial-year forecast: £1,200.50m
            """, "the quoted line break in the description is a space")
        let credit = try project(plan, "universal-credit-programme")
        #expect(credit.notes?.hasSuffix("Department: DWP; IPA DCA: Reset; Whole-life cost: £12,131.50m; Financial-year budget: £320m; Financial-year forecast: -£1.20m") == true,
                "\(credit.notes ?? "")")
        #expect(try project(plan, "thameslink-programme").notes?.hasSuffix("Department: DfT; Whole-life cost: £6,500m") == true,
                "Not set, N/A and - are no value; £6.5bn is £6,500m")
    }

    @Test func warningsOf2014() throws {
        let warnings = try read("uk-2014-rows.csv").warnings
        #expect(warnings.map { "\($0.line):\($0.column)" } == ["6:6", "6:9", "7:1", "9:4"])
        #expect(warnings[0].message.contains("'31/02/2012' is not a date"))
        #expect(warnings[1].message.contains("'twelve million' is not an amount"))
        #expect(warnings[2].message.contains("neither a GMPP ID nor a project name"))
        #expect(warnings[3].message.contains("'Purple' is not a Delivery Confidence Assessment"))
        #expect(warnings.allSatisfy { $0.severity == .warning })
    }

    // MARK: 2022: ';', Windows-1252, mixed line endings, duplicate colour_rating

    @Test func rows2022() throws {
        let file = try read("uk-2022-rows.csv")
        #expect(file.format == "gmpp-csv")
        let plan = file.plan
        #expect(plan.deliverables.map(\.id) == ["DFT_0001_1011-Q1", "HO_0002_1920-Q1", "MOD_0003_2122-Q2", "CO_0004_2223-Q1"])
        // CRLF header; a quoted comment holding CRLF and CR; a record ended by a bare CR; then LF, CRLF, LF.
        #expect(plan.deliverables.map(\.source.line) == [2, 5, 6, 7])
        // The first colour_rating is the IPA's, the second the SRO's.
        #expect(plan.deliverables.map(\.deliveryConfidence) == [.amberRed, .red, nil, nil])
        let hs2 = try project(plan, "DFT_0001_1011-Q1")
        #expect(hs2.plannedStart == .iso("2017-01-01") && hs2.plannedFinish == .iso("2031-12-31"))
        #expect(hs2.notes == """
            Extends High Speed 2 from the West Midlands to Crewe.

            Department: DFT; Category: Infrastructure and Construction; SRO DCA: Amber; Whole-life cost: £12,131.50m; \
            Financial-year budget: £1,234.56m; Financial-year forecast: £1,100m; Reporting year: 2022
            """)
    }

    @Test func windows1252AndWithheldValues2022() throws {
        let plan = try read("uk-2022-rows.csv").plan
        let network = try project(plan, "HO_0002_1920-Q1")
        #expect(network.notes?.hasPrefix("Replacement for Airwave \u{2013} \u{201C}mission critical\u{201D} voice and data.") == true)
        #expect(network.plannedFinish == nil)
        #expect(network.notes?.contains("End date, Financial-year budget: Exempt under Section 43 of the Freedom of Information Act 2000 (Commercial Interests)") == true,
                "\(network.notes ?? "")")
        let skynet = try project(plan, "MOD_0003_2122-Q2")
        #expect(skynet.notes?.contains("IPA DCA, SRO DCA: Exempt under Section 24") == true)
        #expect(skynet.notes?.contains("Financial-year budget: -£2.50m; Financial-year forecast: £0m") == true, "£(2.50) is negative")
        let shared = try project(plan, "CO_0004_2223-Q1")
        #expect(shared.deliveryConfidence == nil)
        #expect(shared.notes == "Department: CO; Category: Government Transformation and Service Delivery; Financial-year budget: -£3.20m; Reporting year: 2022")
    }

    @Test func warningsOf2022() throws {
        let warnings = try read("uk-2022-rows.csv").warnings
        // Not set / N/A and the FOI exemptions are not problems; the impossible date and "£abc" are.
        #expect(warnings.map { "\($0.line):\($0.column)" } == ["6:11", "6:16"])
        #expect(warnings[0].message.contains("'2025-13-45'"))
        #expect(warnings[1].message.contains("'£abc'"))
    }

    // MARK: 2023: transposed

    @Test func transposed2023() throws {
        let file = try read("uk-2023-transposed.csv")
        #expect(file.format == "gmpp-csv")
        let plan = file.plan
        #expect(plan.deliverables.map(\.id) == ["DFE_0001_1819-Q1", "DHSC_0002_2021-Q3", "DWP_0003_1617-Q4"], "the empty last column is no project")
        #expect(plan.deliverables.map(\.name) == ["School Rebuilding Programme", "New Hospital Programme", "Universal Credit"])
        #expect(plan.deliverables.map { "\($0.source.line):\($0.source.column)" } == ["1:2", "1:3", "1:4"])
        #expect(plan.deliverables.map(\.deliveryConfidence) == [.amber, .red, nil], "three-point scale; the SRO's Green is not used")
        let schools = try project(plan, "DFE_0001_1819-Q1")
        #expect(schools.plannedStart == .iso("2020-06-29") && schools.plannedFinish == .iso("2035-03-31"))
        #expect(schools.notes == """
            Rebuilds or refurbishes 500 schools.

            Department: DFE; Category: Infrastructure and Construction; SRO DCA: Green; Whole-life cost: £7,000m; \
            Financial-year budget: £1,131.50m; Financial-year forecast: £1,000m
            """)
        let hospitals = try project(plan, "DHSC_0002_2021-Q3")
        #expect(hospitals.notes?.hasPrefix("Builds 40 new hospitals; by 2030.") == true)
        #expect(hospitals.notes?.contains("End date: Early planning GMPP project") == true)
        #expect(hospitals.notes?.contains("Baseline benefits: £42,000m") == true)
        #expect(hospitals.notes?.contains("Whole-life cost") == false, "'about 20bn' cannot be read")
        let credit = try project(plan, "DWP_0003_1617-Q4")
        #expect(credit.notes?.contains("Financial-year budget, Financial-year forecast, Whole-life cost: Exempt under Section 43") == false)
        #expect(credit.notes?.contains("Whole-life cost, Financial-year budget, Financial-year forecast: Exempt under Section 43") == true,
                "\(credit.notes ?? "")")
    }

    @Test func warningsOf2023NameLabelRowAndProjectColumn() throws {
        let warnings = try read("uk-2023-transposed.csv").warnings
        // Records start on lines 1-5, 7, 9, 11, 12, 14, 16-22 (labels and a description span lines).
        // Projects are read column by column: DHSC (column 3) before DWP (column 4).
        #expect(warnings.map { "\($0.line):\($0.column)" } == ["20:3", "14:4"])
        #expect(warnings[0].message.contains("'about 20bn'"))
        #expect(warnings[1].message.contains("'2024-13-01' is not a date"))
    }

    // MARK: Labels, values and sniffing

    @Test func labelsAcrossYears() {
        let cases: [(String, String?)] = [
            ("GMPP ID Number", "id"), ("project_number", "id"), ("Project Name", "name"), ("department", "department"),
            ("MPA RAG rating", "ipaDCA"), ("IPA Delivery Confidence Assessment \n(… the IPA Annual Report …)", "ipaDCA"),
            ("SRO Delivery Confidence Assessment \n(… definitions in the IPA Annual Report …)", "sroDCA"),
            ("colour_rating", GMPPField.unattributedDCA), ("rating_comment", nil),
            ("Departmental commentary on actions planned or taken on the IPA RAG rating.", nil),
            ("2013/2014 Budget (£million)", "budget"), ("Financial Year Baseline (£m) 2022/23", "budget"), ("total_baseline", "budget"),
            ("forecast_incl_NGC", "forecast"), ("Financial Year Variance (%)", nil),
            ("TOTAL Baseline Whole Life Costs (£m) (including Non-Government Costs)", "wholeLifeCost"),
            ("wlc_baseline_incl_NCG", "wholeLifeCost"), ("TOTAL Baseline Benefits (£m)", "benefits"),
            ("Departmental Narrative on Budgeted Benefits", nil),
            ("Project - Start Date \n(Latest Approved Start Date)", "start"), ("end_date", "end"),
            ("Baseline End Date", "baselineEnd"), ("Forecast End Date", "forecastEnd"), ("Spend to date", nil),
        ]
        for (label, field) in cases { #expect(GMPPField.match(label) == field, "\(label)") }
        let resolved = GMPPField.resolve(["colour_rating", "x", "colour_rating", "Start Date", "start_date"])
        #expect(resolved.fields == [.ipaDCA, nil, .sroDCA, .start, nil])
        #expect(resolved.duplicates.map(\.0) == [4])
    }

    @Test func values() {
        func money(_ text: String) -> Double? { if case .value(let v) = GMPPValues.money(text) { v } else { nil } }
        func day(_ text: String) -> Day? { if case .value(let d) = GMPPValues.day(text) { d } else { nil } }
        #expect(money("£12,131.50") == 12131.5 && money("(1.2)") == -1.2 && money("£(1.2)") == -1.2 && money("-£3") == -3)
        #expect(money("£278m") == 278 && money("£2.5bn") == 2500 && money("12,5") == 12.5 && money("abc") == nil)
        #expect(day("31/05/2010") == .iso("2010-05-31") && day("30.06.08") == .iso("2008-06-30") && day("01.01.70") == .iso("1970-01-01"))
        #expect(day("31/12/69") == .iso("2069-12-31") && day("2020-05-20") == .iso("2020-05-20") && day("20/05/2020 00:00") == .iso("2020-05-20"))
        #expect(day("40329") == .iso("2010-05-31"), "an Excel serial day")
        #expect(day("2020-02-30") == nil && day("13/13/2013") == nil)
        if case .empty = GMPPValues.rating(" not SET ") {} else { Issue.record("Not set is no value") }
        if case .empty = GMPPValues.rating("N/A") {} else { Issue.record("N/A is no value") }
        if case .withheld = GMPPValues.money("Exempt under Section 43") {} else { Issue.record("an exemption is a reason") }
        if case .value(let rag) = GMPPValues.rating("Amber / Red") { #expect(rag == .amberRed) } else { Issue.record("Amber / Red") }
        if case .value(let rag) = GMPPValues.rating("GREEN/AMBER") { #expect(rag == .amberGreen) } else { Issue.record("GREEN/AMBER") }
        #expect(GMPPValues.moneyText(12131.5) == "£12,131.50m" && GMPPValues.moneyText(-0.5) == "-£0.50m" && GMPPValues.moneyText(1_000_000) == "£1,000,000m")
    }

    @Test func registerFilesStayRegisterAndGMPPHeadersAreGMPP() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let register = try folder.write("register.csv", "Deliverable ID,Name,Department,RAG rating\nD1,Depot,DfT,Amber\n")
        #expect(try registry.detect(path: register).format == .registerCSV)
        let projectId = try folder.write("gmpp.csv", "Project ID,Project Name,Department,IPA Delivery Confidence Assessment\nP1,Depot,DfT,Amber\n")
        #expect(try registry.detect(path: projectId).format == .gmppCSV, "GMPP comes before the register, which would take Project ID")
        let plain = try folder.write("plain.csv", "Project Name,Department,Delivery Confidence Assessment\nDepot,DfT,Amber\n")
        #expect(importError { try registry.detect(path: plain) }?.unknownFormatHint != nil, "nothing only GMPP says")
        for fixture in ["csv/deliverables.csv", "csv/benefits-register.csv", "csv/objectives.csv"] {
            #expect(try registry.detect(path: Fixtures.path(fixture)).format == .registerCSV, "\(fixture)")
        }
    }

    @Test func transposedFileWithOnlyItsFirstLabelInTheHeadIsRecognised() {
        let ids = (1...600).map { "DEPT_\($0)" }.joined(separator: ";")
        let head = FileHead(path: "t.csv", bytes: Array(("GMPP ID Number;" + ids + "\nProject Name;" + ids).utf8))
        #expect(GMPPImporter().recognises(head, options: .init()))
        let other = FileHead(path: "t.csv", bytes: Array(("Reference;" + ids).utf8))
        #expect(!GMPPImporter().recognises(other, options: .init()))
    }

    @Test func noLabelsWithFromIsInvalid() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write("x.csv", "a,b\n1,2\n")
        let diagnostics = try #require(importError { try registry.read(path: path, format: .gmppCSV) }?.invalidDiagnostics)
        #expect(diagnostics.first?.line == 1)
        #expect(diagnostics.first?.message.contains("GMPP ID Number") == true)
    }
}
