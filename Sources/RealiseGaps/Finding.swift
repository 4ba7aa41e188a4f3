import RealiseModel

/// One gap: which rule found it, about what, why, the numbers behind it, where its subject was defined, who is
/// accountable for it and what to do about it.
public struct Finding: Sendable {
    /// The entity a finding is about.
    public struct Subject: Sendable, Hashable, Codable {
        public var type: String
        public var id: String
        public var name: String

        public init(type: String, id: String, name: String) {
            self.type = type
            self.id = id
            self.name = name
        }
    }

    /// Where the subject came from.
    public struct Source: Sendable, Hashable, Codable {
        public var path: String
        public var line: Int

        public init(path: String, line: Int) {
            self.path = path
            self.line = line
        }
    }

    /// One item of evidence as a person reads it: `expected` → `2,244 trips per month`.
    public struct Detail: Sendable, Hashable, Codable {
        public var label: String
        public var value: String

        public init(label: String, value: String) {
            self.label = label
            self.value = value
        }
    }

    public var rule: String
    public var severity: Severity
    public var subject: Subject
    /// What the rule found, in a sentence. Made when read, from what the rule kept of its cause: a large report
    /// has a hundred thousand findings, most of which a summary, a page or `--fail-on` never shows.
    public var message: String {
        get { makeMessage() }
        set { makeMessage = { newValue } }
    }
    /// The numbers behind the finding, by key. Made when read, as `message` is.
    public var evidence: [String: Evidence] {
        get { makeEvidence() }
        set { makeEvidence = { newValue } }
    }
    private var makeMessage: @Sendable () -> String
    private var makeEvidence: @Sendable () -> [String: Evidence]
    public var source: Source
    /// The rule's plain-English title.
    public var title: String {
        get { words.title }
        set { words = RuleWords(title: newValue, hint: words.hint) }
    }
    /// What to do about it: the rule's fix hint.
    public var hint: String {
        get { words.hint }
        set { words = RuleWords(title: words.title, hint: newValue) }
    }
    private var words: RuleWords
    /// Who is accountable: the subject's owner, else the owner of the benefit it serves, else its programme's SRO;
    /// nil when the plan names nobody. Set by `GapAnalyzer`.
    public var owner: String?
    /// The evidence in the subject's own units, rounded for reading, in a fixed order. Set by `GapAnalyzer`.
    public var details: [Detail] = []
    /// The subject's latest review on or before the report's day, shown beside its findings. Set by `GapAnalyzer`.
    public var review: ReviewOutcome? {
        get { reviews.first }
        set { reviews = newValue.map { [$0] } ?? [] }
    }
    /// `review`, as none or one: an empty array is one word where an optional review is eight, and most findings
    /// have none.
    private var reviews: [ReviewOutcome] = []
    /// The actions open on the report's day about this finding (its key) or its subject (the entity's id). Set by
    /// `GapAnalyzer`.
    public var actions: [ActionItem] = []

    /// Stable across runs while the rule and subject stay: `rule:subject-id` (`missing-owner:MET-04`).
    public var key: String { "\(rule):\(subject.id)" }

    /// A finding about `entity`. The message and evidence are worked out when read, from what the expressions
    /// given capture: a rule passes them as it would values, capturing what it found rather than its context.
    public init<E: Entity>(rule: any GapRule, about entity: E, message: @escaping @autoclosure @Sendable () -> String,
                           evidence: @escaping @autoclosure @Sendable () -> [String: Evidence] = [:]) {
        // Not through `init(rule:aboutAny:)`: boxing a large entity as `any Entity` copies it to the heap, and
        // rules make a finding for most entities of a troubled plan.
        self.rule = type(of: rule).id
        words = RuleWords.of(type(of: rule))
        severity = type(of: rule).severity
        subject = Subject(type: type(of: entity).type.rawValue, id: entity.id, name: entity.displayName)
        makeMessage = message
        makeEvidence = evidence
        source = Source(path: entity.source.place, line: entity.source.line)
    }

    /// A finding with its message and evidence as they were read (decoding one).
    init(rule: String, severity: Severity, subject: Subject, message: String, evidence: [String: Evidence], source: Source,
         title: String, hint: String) {
        (self.rule, self.severity, self.subject, self.source) = (rule, severity, subject, source)
        words = RuleWords(title: title, hint: hint)
        makeMessage = { message }
        makeEvidence = { evidence }
    }

    /// A finding about an entity whose type is only known at run time.
    public init(rule: any GapRule, aboutAny entity: any Entity, message: @escaping @autoclosure @Sendable () -> String,
                evidence: @escaping @autoclosure @Sendable () -> [String: Evidence] = [:]) {
        self.rule = type(of: rule).id
        words = RuleWords.of(type(of: rule))
        severity = type(of: rule).severity
        subject = Subject(type: type(of: entity).type.rawValue, id: entity.id, name: entity.displayName)
        makeMessage = message
        makeEvidence = evidence
        source = Source(path: entity.source.place, line: entity.source.line)
    }
}

/// A value in a finding's evidence: text, a number, or a list of ids.
public enum Evidence: Sendable, Hashable, Codable, CustomStringConvertible {
    case text(String)
    case number(Double)
    case list([String])

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .number(let number): try container.encode(number)
        case .list(let list): try container.encode(list)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) { self = .number(number) }
        else if let list = try? container.decode([String].self) { self = .list(list) }
        else { self = .text(try container.decode(String.self)) }
    }

    public var description: String {
        switch self {
        case .text(let text): text
        case .number(let number): number.plainText
        case .list(let list): list.joined(separator: ", ")
        }
    }
}
