import RealiseModel

/// The ids at either end of every entity's links, by kind, in plan order: what the rules walk, built in one
/// pass over the links so that asking for an entity's targets or sources of a kind is one look-up.
struct LinkIndex: Sendable {
    /// Per kind (`slot`): target ids by source id.
    private var targets: [[String: [String]]]
    /// Per kind: source ids by target id.
    private var sources: [[String: [String]]]
    /// Positions in the plan's links of each metric's `measures` links.
    private var measures: [String: [Int]] = [:]

    init(_ links: [Link]) {
        targets = Array(repeating: [:], count: LinkIndex.kinds)
        sources = targets
        for (position, link) in links.enumerated() {
            let slot = LinkIndex.slot(link.kind)
            targets[slot][link.from, default: []].append(link.to)
            sources[slot][link.to, default: []].append(link.from)
            if link.kind == .measures { measures[link.from, default: []].append(position) }
        }
    }

    private static let kinds = 4

    private static func slot(_ kind: Link.Kind) -> Int {
        switch kind {
        case .contributesTo: 0
        case .enabledBy: 1
        case .dependsOn: 2
        case .measures: 3
        }
    }

    /// Ids at the other end of `id`'s outgoing links of `kind`.
    func targets(of id: String, _ kind: Link.Kind) -> [String] { targets[LinkIndex.slot(kind)][id] ?? [] }

    /// Ids at the start of links of `kind` that end at `id`.
    func sources(of id: String, _ kind: Link.Kind) -> [String] { sources[LinkIndex.slot(kind)][id] ?? [] }

    /// Positions in the plan's links of the `measures` links from `metric`.
    func measuresLinks(from metric: String) -> [Int] { measures[metric] ?? [] }
}
