import RealiseModel

/// Equality, hashing and coding of a finding by what it says: its message and evidence as read, not how they are
/// made.
extension Finding: Hashable, Codable {
    private enum CodingKeys: String, CodingKey {
        case rule, severity, subject, message, evidence, source, title, hint, owner, details, review, actions
    }

    public static func == (lhs: Finding, rhs: Finding) -> Bool {
        lhs.rule == rhs.rule && lhs.severity == rhs.severity && lhs.subject == rhs.subject && lhs.source == rhs.source
            && lhs.title == rhs.title && lhs.hint == rhs.hint && lhs.owner == rhs.owner && lhs.details == rhs.details
            && lhs.review == rhs.review && lhs.actions == rhs.actions && lhs.message == rhs.message
            && lhs.evidence == rhs.evidence
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(rule)
        hasher.combine(subject)
        hasher.combine(message)
        hasher.combine(evidence)
        hasher.combine(details)
        hasher.combine(owner)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let message = try container.decode(String.self, forKey: .message)
        let evidence = try container.decode([String: Evidence].self, forKey: .evidence)
        self.init(rule: try container.decode(String.self, forKey: .rule), severity: try container.decode(Severity.self, forKey: .severity),
                  subject: try container.decode(Subject.self, forKey: .subject), message: message, evidence: evidence,
                  source: try container.decode(Source.self, forKey: .source), title: try container.decode(String.self, forKey: .title),
                  hint: try container.decode(String.self, forKey: .hint))
        owner = try container.decodeIfPresent(String.self, forKey: .owner)
        details = try container.decode([Detail].self, forKey: .details)
        review = try container.decodeIfPresent(ReviewOutcome.self, forKey: .review)
        actions = try container.decode([ActionItem].self, forKey: .actions)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rule, forKey: .rule)
        try container.encode(severity, forKey: .severity)
        try container.encode(subject, forKey: .subject)
        try container.encode(message, forKey: .message)
        try container.encode(evidence, forKey: .evidence)
        try container.encode(source, forKey: .source)
        try container.encode(title, forKey: .title)
        try container.encode(hint, forKey: .hint)
        try container.encodeIfPresent(owner, forKey: .owner)
        try container.encode(details, forKey: .details)
        try container.encodeIfPresent(review, forKey: .review)
        try container.encode(actions, forKey: .actions)
    }
}
