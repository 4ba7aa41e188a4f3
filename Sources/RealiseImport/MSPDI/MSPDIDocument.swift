import RealiseModel

/// What a streaming pass over an MSPDI file keeps of the project: the header fields Realise uses and the
/// custom-field definitions; and the shape of one task's raw values (text as written; typed and checked by
/// `MSPDIMapper`), handed over one task at a time.
struct MSPDIDocument {
    /// A date as read: a day when its bytes hold one (nearly every date MS Project writes), else the text as
    /// written, which `MSPDIMapper` trims and reads again or warns about. Saves a string per date.
    enum DateText {
        case day(Day)
        case text(String)

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            // Bytes that start and end with printable ASCII need no trimming (`String.plain`).
            if let first = bytes.first, let last = bytes.last, first >= 33, first <= 126, last >= 33, last <= 126,
               let day = DateText.dateTime(bytes) ?? Day(isoUTF8: bytes) {
                self = .day(day)
            } else {
                self = .text(String(decoding: bytes, as: UTF8.self))
            }
        }

        /// The day of `YYYY-MM-DDThh:mm:ss`, the form MS Project writes every date in, as `Day(isoUTF8:)` reads
        /// it; nil for any other form. Measured: `Day(isoUTF8:)` took 8% of the reader thread on 100 000 tasks.
        static func dateTime(_ bytes: UnsafeBufferPointer<UInt8>) -> Day? {
            guard bytes.count == 19, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
                  bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":") else { return nil }
            func number(_ start: Int, _ count: Int) -> Int? {
                var value = 0
                for index in start..<(start + count) {
                    let digit = Int(bytes[index]) - 48
                    guard digit >= 0, digit <= 9 else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
                  number(11, 2) != nil, number(14, 2) != nil, number(17, 2) != nil else { return nil }
            return Day(year: year, month: month, day: day)
        }
    }

    /// A task's `PredecessorLink`.
    struct Predecessor {
        var line: Int
        var uid: String?
        var type: String?
        var lag: String?
        var lagFormat: String?
        var crossProject: String?
    }

    /// A task's `ExtendedAttribute` value.
    struct FieldValue {
        var line: Int
        var fieldID: String?
        var value: String?
    }

    /// A `Task` element's children, as text.
    struct Task {
        var line: Int
        var uid: String?
        var name: String?
        var isNull: String?
        var active: String?
        var outlineLevel: String?
        var outlineNumber: String?
        var summary: String?
        var milestone: String?
        var start: DateText?
        var finish: DateText?
        var actualStart: DateText?
        var actualFinish: DateText?
        var percentComplete: String?
        var notes: String?
        var baselineStart: DateText?
        var baselineFinish: DateText?
        var predecessors: [Predecessor] = []
        var fields: [FieldValue] = []

        init(line: Int) { self.line = line }
    }

    var name: String?
    var title: String?
    var minutesPerDay: String?
    var statusDate: String?
    var lastSaved: String?
    var attributes = MSPDIExtendedAttributes()

    /// The day this version of the plan was made: its status date, else the day it was last saved.
    var versionDate: Day? { statusDate.flatMap { Day(iso: $0) } ?? lastSaved.flatMap { Day(iso: $0) } }
}
