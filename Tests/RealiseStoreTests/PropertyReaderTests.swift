import Testing
import RealiseModel
@testable import RealiseStore

/// `PropertyReader` reads a field at its stored offset where it can, and through the key path where it cannot; either
/// way it gives what the key path gives.
@Suite("Property reader")
struct PropertyReaderTests {
    /// A struct with fields of every kind an entity column has, and a computed property (no offset).
    struct Sample {
        var name: String?
        var day: Day?
        var number: Double?
        var kind: Deliverable.Kind
        var note: String
        var shout: String? { name?.uppercased() }
    }

    static let samples = [
        Sample(name: "Zoë — 東京, a name longer than fifteen bytes", day: Day(iso: "2027-02-28"), number: 0.25,
               kind: .milestone, note: "n"),
        Sample(name: nil, day: nil, number: nil, kind: .task, note: ""),
        Sample(name: "T1", day: Day(year: 1, month: 1, day: 1), number: -0.0, kind: .summary, note: String(repeating: "x", count: 300)),
    ]

    @Test("stored properties are read at their offset and give what the key path gives", arguments: samples.indices)
    func stored(_ index: Int) {
        let sample = PropertyReaderTests.samples[index]
        #expect(MemoryLayout<Sample>.offset(of: \Sample.name) != nil)
        #expect(PropertyReader(\Sample.name)(sample) == sample.name)
        #expect(PropertyReader(\Sample.day)(sample) == sample.day)
        #expect(PropertyReader(\Sample.number)(sample)?.bitPattern == sample.number?.bitPattern)
        #expect(PropertyReader(\Sample.kind)(sample) == sample.kind)
        #expect(PropertyReader(\Sample.note)(sample) == sample.note)
    }

    @Test("a computed property has no offset and is read through its key path", arguments: samples.indices)
    func computed(_ index: Int) {
        let sample = PropertyReaderTests.samples[index]
        #expect(MemoryLayout<Sample>.offset(of: \Sample.shout) == nil)
        #expect(PropertyReader(\Sample.shout)(sample) == sample.shout)
    }

    @Test("a text read is a copy that outlives the entity it was read from")
    func outlives() {
        var read: String?
        do {
            let sample = Sample(name: String(repeating: "long ", count: 20), day: nil, number: nil, kind: .task, note: "")
            read = PropertyReader(\Sample.name)(sample)
        }
        #expect(read == String(repeating: "long ", count: 20))
    }
}
