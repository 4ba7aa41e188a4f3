import RealiseModel

/// The links at either end of every entity, by kind, in plan order: what the rules walk.
///
/// Each id at an end of a link gets a number once; then, for each kind and direction, the positions of the
/// links are laid out entity by entity in one array, with the start of each entity's run in another
/// (compressed sparse rows). A plan of 100 000 benefits has some 300 000 links: a dictionary of small arrays
/// per kind and direction took 600 000 allocations to build and as many to free, this takes a few.
final class LinkIndex: Sendable {
    private let links: [Link]
    /// The number of each id at an end of a link.
    private let slots: [String: Int32]
    /// Per kind and direction (`lane`): where each slot's run starts in `positions` (one more than slots).
    private let starts: [[Int32]]
    /// Per lane: positions in `links`, slot by slot, in plan order within a slot.
    private let positions: [[Int32]]

    init(_ links: [Link]) {
        self.links = links
        var slots: [String: Int32] = [:]
        slots.reserveCapacity(links.count)
        var fromSlot: [Int32] = [], toSlot: [Int32] = [], kindSlot: [Int] = []
        fromSlot.reserveCapacity(links.count)
        toSlot.reserveCapacity(links.count)
        kindSlot.reserveCapacity(links.count)
        func slot(_ id: String) -> Int32 {
            if let known = slots[id] { return known }
            let new = Int32(slots.count)
            slots[id] = new
            return new
        }
        for index in links.indices {
            fromSlot.append(slot(links[index].from))
            toSlot.append(slot(links[index].to))
            kindSlot.append(LinkIndex.slot(links[index].kind))
        }
        let slotCount = slots.count
        var starts: [[Int32]] = [], positions: [[Int32]] = []
        for lane in 0..<LinkIndex.lanes {
            let kind = lane / 2, owner = lane % 2 == 0 ? fromSlot : toSlot
            var start = [Int32](repeating: 0, count: slotCount + 1)
            for position in links.indices where kindSlot[position] == kind { start[Int(owner[position]) + 1] += 1 }
            for index in 0..<slotCount { start[index + 1] += start[index] }
            var next = start
            var lanePositions = [Int32](repeating: 0, count: Int(start[slotCount]))
            for position in links.indices where kindSlot[position] == kind {
                let owner = Int(owner[position])
                lanePositions[Int(next[owner])] = Int32(position)
                next[owner] += 1
            }
            starts.append(start)
            positions.append(lanePositions)
        }
        self.slots = slots
        self.starts = starts
        self.positions = positions
    }

    /// Outgoing and incoming for each of the four kinds.
    private static let lanes = 8

    private static func slot(_ kind: Link.Kind) -> Int {
        switch kind {
        case .contributesTo: 0
        case .enabledBy: 1
        case .dependsOn: 2
        case .measures: 3
        }
    }

    /// The number given to `id`, when it is at an end of a link.
    func slot(of id: String) -> Int32? { slots[id] }

    /// Positions in the plan's links of the links of `kind` of the entity numbered `slot`, outgoing or incoming.
    func run(_ slot: Int32?, _ kind: Link.Kind, outgoing: Bool) -> ArraySlice<Int32> {
        guard let slot else { return [] }
        let lane = LinkIndex.slot(kind) * 2 + (outgoing ? 0 : 1)
        return positions[lane][Int(starts[lane][Int(slot)])..<Int(starts[lane][Int(slot) + 1])]
    }

    /// The ids at the other end of the links at these positions.
    func targets(_ run: ArraySlice<Int32>) -> [String] { run.map { links[Int($0)].to } }
    func sources(_ run: ArraySlice<Int32>) -> [String] { run.map { links[Int($0)].from } }

    /// Ids at the other end of `id`'s outgoing links of `kind`.
    func targets(of id: String, _ kind: Link.Kind) -> [String] { targets(run(slot(of: id), kind, outgoing: true)) }

    /// Ids at the start of links of `kind` that end at `id`.
    func sources(of id: String, _ kind: Link.Kind) -> [String] { sources(run(slot(of: id), kind, outgoing: false)) }

    /// Whether `id` has an outgoing link of `kind`.
    func hasTargets(of id: String, _ kind: Link.Kind) -> Bool { !run(slot(of: id), kind, outgoing: true).isEmpty }

    /// Whether a link of `kind` ends at `id`.
    func hasSources(of id: String, _ kind: Link.Kind) -> Bool { !run(slot(of: id), kind, outgoing: false).isEmpty }

    /// `id`'s outgoing links of `kind`, in plan order.
    func links(from id: String, _ kind: Link.Kind) -> [Link] { run(slot(of: id), kind, outgoing: true).map { links[Int($0)] } }
}
