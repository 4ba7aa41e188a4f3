import RealiseModel

extension RegisterRowMapper {
    /// A row of the programmes, organisations or links table.
    mutating func mapOther(_ row: RegisterTable.Row, as kind: RegisterTable.Kind) {
        switch kind {
        case .programmes:
            guard let id = require(row, .programmeId, "Programme ID") else { return }
            plan.programmes.append(Programme(id: id, name: require(row, .name, "the name of programme '\(id)'") ?? "",
                                             organisation: row[.organisation], owner: row[.owner], notes: row[.notes],
                                             source: source(row, id)))
        case .organisations:
            guard let id = require(row, .organisationId, "Organisation ID") else { return }
            plan.organisations.append(Organisation(id: id, name: require(row, .name, "the name of organisation '\(id)'") ?? "",
                                                   programme: row[.programme] ?? programme, notes: row[.notes], source: source(row, id)))
        default:
            guard let from = require(row, .fromId, "From ID"), let to = require(row, .toId, "To ID"),
                  require(row, .linkKind, "the kind of the link from '\(from)' to '\(to)'") != nil,
                  let linkKind: Link.Kind = choice(row, .linkKind, "link kind") else { return }
            plan.links.append(Link(kind: linkKind, from: from, to: to, dependencyType: choice(row, .dependencyType, "dependency type"),
                                   lagDays: number(row, .lagDays, "lag days"), share: number(row, .share, "share"),
                                   source: source(row, nil)))
        }
    }
}
