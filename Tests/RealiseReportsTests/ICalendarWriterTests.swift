import Foundation
import RealiseModel
import RealiseReviews
import Testing
@testable import RealiseReports

@Suite("iCalendar writer")
struct ICalendarWriterTests {
    static let stamp = Date(timeIntervalSince1970: 1_764_115_200) // 2025-11-26T00:00:00Z

    static func entries() throws -> [ICalendarWriter.Entry] {
        [
            ICalendarWriter.Entry(
                schedule: ReviewSchedule(id: 1, subject: "BEN-01", cadence: try Cadence("quarterly"), start: Day(iso: "2025-01-15")!,
                                         reviewer: "Head of Passenger Transport"),
                subjectType: "benefit", subjectName: "Shorter bus journeys; Coast Road, Kingsholme\\Wexcombe",
                metrics: ["MET-01 Average weekday peak bus journey time, Kingsholme Bus Station to Wexcombe Harbour (minutes): latest 66.8 on 2025-09-30; next target 66.5 by 2026-03-31"]),
            ICalendarWriter.Entry(
                schedule: ReviewSchedule(id: 2, subject: "MET-04", cadence: try Cadence("FREQ=MONTHLY;BYDAY=-1FR"), start: Day(iso: "2025-01-01")!,
                                         reviewer: nil),
                subjectType: "metric", subjectName: "Coastal Flex trips — café stop", metrics: []),
            ICalendarWriter.Entry(
                schedule: ReviewSchedule(id: 3, subject: "CCM", cadence: try Cadence("monthly"), start: Day(iso: "2025-01-31")!, reviewer: "SRO"),
                subjectType: "programme", subjectName: "Connected Coastal Mobility", metrics: []),
        ]
    }

    @Test("escaping of TEXT values")
    func escaping() {
        #expect(ICalendarWriter.escape("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne")
        #expect(ICalendarWriter.escape("line\r\nbreak") == "line\\nbreak")
    }

    @Test("folding at 75 octets, never inside a UTF-8 character")
    func folding() {
        let long = "DESCRIPTION:" + String(repeating: "é", count: 60)
        let folded = ICalendarWriter.fold(long)
        let pieces = folded.components(separatedBy: "\r\n")
        #expect(pieces.count > 1)
        #expect(pieces.allSatisfy { $0.utf8.count <= 75 })
        #expect(pieces.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(pieces.first.map { String($0) } .map { $0.utf8.count } == 74)
        #expect(pieces.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined() == long)
        #expect(ICalendarWriter.fold("SUMMARY:short") == "SUMMARY:short")
    }

    @Test("calendar: CRLF, stable UIDs, RRULE where expressible, occurrences where not")
    func calendar() throws {
        let text = ICalendarWriter(stamp: Self.stamp, horizonDays: 100).render(try Self.entries())
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(text.contains("UID:realise-review-1-BEN-01@realise"))
        #expect(text.contains("RRULE:FREQ=MONTHLY;INTERVAL=3\r\n"))
        // DTSTART is the first occurrence (the last Friday of January), not the anchor (1 January).
        #expect(text.contains("DTSTART;VALUE=DATE:20250131\r\nDTEND;VALUE=DATE:20250201\r\nRRULE:FREQ=MONTHLY;BYDAY=-1FR\r\n"))
        #expect(!text.contains("DTSTART;VALUE=DATE:20250101"))
        // A schedule anchored on the 31st is expanded: February's review falls on the 28th.
        #expect(text.contains("UID:realise-review-3-CCM-20250228@realise"))
        #expect(!text.contains("UID:realise-review-3-CCM@realise"))
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("SUMMARY:Benefit review: BEN-01 Shorter bus journeys\\; Coast Road\\, Kingsholme\\\\Wexcombe\r\n"))
        #expect(ICalendarWriter(stamp: Self.stamp, horizonDays: 100).render(try Self.entries()) == text)
    }

    static let icalendarMissing = "python3 on PATH cannot import icalendar (pip install icalendar; .ci/run puts it in .build-venv)"

    @Test("an independent parser (Python icalendar) accepts the file",
          Requirement.needs(ICalendarWriterTests.python != nil, icalendarMissing))
    func independentParser() throws {
        let python = try Requirement.require(Self.python, Self.icalendarMissing)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("realise-\(UUID().uuidString).ics")
        defer { try? FileManager.default.removeItem(at: file) }
        try ICalendarWriter(stamp: Self.stamp).render(try Self.entries()).write(to: file, atomically: true, encoding: .utf8)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Scripts/check-ics.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script.path, file.path]
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains("OK"))
    }

    /// The `python3` on PATH that has the icalendar package, found once.
    static let python = Requirement.python(with: "icalendar")
}
