import RealiseModel
import Testing
@testable import RealiseGaps

/// The context's indexes against the plain searches of the plan they stand for.
@Suite("Gap context indexes")
struct GapContextTests {
    private let source = SourceRef(path: "plan.xml", line: 1, format: "realise-xml")

    @Test("link ends by kind and direction are the plan's links filtered, in plan order")
    func linkEnds() {
        var generator = SeededGenerator(seed: 0x11AC_0E7D_0003)
        let ids = ["B1", "B2", "B3", "O1", "O2", "D1", "D2", "M1", "M2", "X"]
        for _ in 0..<50 {
            var plan = Plan()
            plan.links = (0..<Int.random(in: 0...40, using: &generator)).map { index in
                Link(kind: Link.Kind.allCases.randomElement(using: &generator)!, from: ids.randomElement(using: &generator)!,
                     to: ids.randomElement(using: &generator)!, share: Double(index), source: source)
            }
            let context = GapContext(plan: plan, asOf: Day(dayNumber: 0))
            for id in ids + ["unknown"] {
                for kind in Link.Kind.allCases {
                    let outgoing = plan.links.filter { $0.from == id && $0.kind == kind }
                    let incoming = plan.links.filter { $0.to == id && $0.kind == kind }
                    #expect(context.targets(of: id, kind) == outgoing.map(\.to))
                    #expect(context.sources(of: id, kind) == incoming.map(\.from))
                    #expect(context.links(from: id, kind) == outgoing)
                    #expect(context.hasTargets(of: id, kind) == !outgoing.isEmpty)
                    #expect(context.hasSources(of: id, kind) == !incoming.isEmpty)
                }
            }
        }
    }

    @Test("values by metric are grouped in order of first appearance and sorted stably by date")
    func valuesByMetric() {
        var generator = SeededGenerator(seed: 0x7A1E_5B01_0004)
        let metrics = ["M1", "M2", "M3"]
        for round in 0..<100 {
            var plan = Plan()
            plan.values = (0..<Int.random(in: 0...30, using: &generator)).map { index in
                MetricValue(metric: metrics.randomElement(using: &generator)!, kind: MetricValue.Kind.allCases.randomElement(using: &generator)!,
                            date: Day(dayNumber: Int.random(in: 0...5, using: &generator)), value: Double(index), source: source)
            }
            // Half the rounds already grouped and in date order, as a workspace loads them.
            if round % 2 == 0 { plan.values.sort { ($0.metric, $0.date.dayNumber) < ($1.metric, $1.date.dayNumber) } }
            let context = GapContext(plan: plan, asOf: Day(dayNumber: 3))
            // The readings a workspace loads without the values (metric slots in order of first appearance) are the same.
            var ids: [String] = []
            for value in plan.values where !ids.contains(value.metric) { ids.append(value.metric) }
            let slots = plan.values.map { value in Int32(ids.firstIndex(of: value.metric)!) }
            let loaded = MetricReadings(ids: ids, slots: slots, readings: plan.values.map {
                MetricReadings.Reading(date: $0.date, value: $0.value, kind: $0.kind)
            })
            #expect(loaded == context.valueIndex)
            for metric in metrics + ["M4"] {
                let expected = plan.values.filter { $0.metric == metric }.sorted { $0.date < $1.date }
                #expect(Array(context.series(of: metric).readings)
                        == expected.map { MetricReadings.Reading(date: $0.date, value: $0.value, kind: $0.kind) })
                #expect(context.measurements(of: metric).map(\.value)
                        == expected.filter { $0.kind == .measurement && $0.date <= context.asOf }.compactMap(\.value))
                #expect(context.lastValue(of: metric, .baseline)?.value == expected.last { $0.kind == .baseline }?.value)
                #expect(context.count(of: metric, .target) == expected.filter { $0.kind == .target }.count)
            }
        }
    }

    @Test("a reading keeps its day, kind and number, or no number, in 16 bytes")
    func compactReading() {
        for value in [nil, 0, -0.5, 1e300, 42] as [Double?] {
            for day in [Day(dayNumber: -719_162), Day(dayNumber: 0), Day(dayNumber: 2_932_896)] {
                var reading = MetricReadings.Reading(date: day, value: value, kind: .target)
                #expect(reading.date == day && reading.value == value && reading.kind == .target)
                reading.value = 7
                reading.date = Day(dayNumber: 1)
                #expect(reading.value == 7 && reading.date == Day(dayNumber: 1))
            }
        }
        #expect(MetricReadings.Reading(date: Day(dayNumber: 1), value: nil, kind: .baseline)
                != MetricReadings.Reading(date: Day(dayNumber: 1), value: 0, kind: .baseline))
        #expect(MemoryLayout<MetricReadings.Reading>.stride == 16)
    }
}
