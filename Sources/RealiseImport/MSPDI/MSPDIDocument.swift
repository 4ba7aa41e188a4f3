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
            if let first = bytes.first, let last = bytes.last, (33...126).contains(first), (33...126).contains(last),
               let day = Day(isoUTF8: bytes) {
                self = .day(day)
            } else {
                self = .text(String(decoding: bytes, as: UTF8.self))
            }
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
