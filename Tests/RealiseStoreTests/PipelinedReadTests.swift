import Foundation
import Testing
import RealiseModel
@testable import RealiseStore

/// The reading thread and the writing one: order kept, the reader held back when it gets ahead, errors
/// carried over.
@Suite("Pipelined reading")
struct PipelinedReadTests {
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func increment() { lock.withLock { value += 1 } }
        var current: Int { lock.withLock { value } }
    }

    final class Recorder: PlanSink {
        var ids: [String] = []
        var lags: [Int] = []
        var events: [String] = []
        let handedOver: Counter
        init(handedOver: Counter) { self.handedOver = handedOver }

        func take(_ chunk: Plan) {
            ids += chunk.deliverables.map(\.id)
            lags.append(handedOver.current - ids.count)
            Thread.sleep(forTimeInterval: 0.0005)
        }
        func amend(deliverable id: String, parent: String?, appendingNotes lines: [String]) { events.append("amend \(id) \(parent ?? "")") }
        func reached(_ done: Int, of total: Int) { events.append("reached \(done)/\(total)") }
    }

    static func chunk(_ n: Int) -> Plan {
        var plan = Plan()
        plan.deliverables = [Deliverable(id: "D\(n)", name: "D", kind: .task, source: SourceRef(path: "p.xml", line: n, format: "realise-xml"))]
        return plan
    }

    @Test("everything arrives in order, and the reader never gets more than a few chunks ahead")
    func orderAndBound() throws {
        let handedOver = Counter()
        let file = ImportedFile(path: "p.xml", format: "realise-xml", sha256: "x") { sink in
            for n in 1...300 {
                sink.take(PipelinedReadTests.chunk(n))
                handedOver.increment()
            }
            sink.reached(10, of: 10)
            sink.amend(deliverable: "D2", parent: "D1", appendingNotes: [])
            return [Diagnostic(.warning, path: "p.xml", line: 3, "odd")]
        }
        let recorder = Recorder(handedOver: handedOver)
        let warnings = try PipelinedRead.read(file, into: recorder)
        #expect(warnings.map(\.message) == ["odd"])
        #expect(recorder.ids == (1...300).map { "D\($0)" })
        #expect(recorder.events == ["reached 10/10", "amend D2 D1"])
        #expect((recorder.lags.max() ?? 0) <= 5)
    }

    @Test("what the reader throws is thrown to the caller after what it handed over")
    func errorsCarriedOver() throws {
        struct Broken: Error, Equatable {}
        let file = ImportedFile(path: "p.xml", format: "realise-xml", sha256: "x") { sink in
            sink.take(PipelinedReadTests.chunk(1))
            throw Broken()
        }
        let recorder = Recorder(handedOver: Counter())
        #expect(throws: Broken()) { try PipelinedRead.read(file, into: recorder) }
        #expect(recorder.ids == ["D1"])
    }
}
