import RealiseModel

/// A link's key in the workspace: its kind and ends.
struct LinkKey: Hashable {
    let kind: Link.Kind
    let from: String
    let to: String
}

extension LinkKey {
    init(_ link: Link) { self.init(kind: link.kind, from: link.from, to: link.to) }
}
