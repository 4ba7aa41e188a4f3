import RealiseModel

/// One entity's links, found once (`GapContext.links(ofBenefitAt:)`), then asked about without further look-ups.
public struct EntityLinks: Sendable {
    let index: LinkIndex
    /// The entity's number in the index; nil when it is at no link's end.
    let slot: Int32?

    /// Ids at the other end of the entity's outgoing links of `kind`, in plan order.
    public func targets(_ kind: Link.Kind) -> [String] { index.targets(index.run(slot, kind, outgoing: true)) }

    /// Ids at the start of the links of `kind` that end at the entity, in plan order.
    public func sources(_ kind: Link.Kind) -> [String] { index.sources(index.run(slot, kind, outgoing: false)) }

    /// Whether the entity has an outgoing link of `kind`.
    public func hasTargets(_ kind: Link.Kind) -> Bool { !index.run(slot, kind, outgoing: true).isEmpty }

    /// Whether a link of `kind` ends at the entity.
    public func hasSources(_ kind: Link.Kind) -> Bool { !index.run(slot, kind, outgoing: false).isEmpty }
}
