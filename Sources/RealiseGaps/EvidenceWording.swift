import RealiseModel

/// A finding's evidence as a person reads it: each key a plain label, quantities in the subject's own unit and
/// rounded to what a reader can use (`2,244 trips per month`, not `2243.8356`), days as days, in a fixed order.
/// The JSON and CSV keep the exact values; this is for the reading formats.
enum EvidenceWording {
    /// What a key's number is.
    enum Measure { case quantity, perYear, days, count, percent, plain }

    /// Known keys in reading order, with their labels.
    static let wording: [(key: String, label: String, measure: Measure)] = [
        ("measured", "measured", .quantity), ("measuredOn", "on", .plain), ("expected", "expected by then", .quantity),
        ("shortfall", "shortfall", .quantity), ("forecast", "forecast at the target date", .quantity),
        ("slopePerYear", "trend", .perYear), ("measurements", "measurements", .count),
        ("finalTarget", "final target", .quantity), ("finalTargetDate", "due", .plain), ("tolerance", "tolerance", .quantity),
        ("baselineValue", "baseline", .quantity), ("oldValue", "target was", .quantity), ("newValue", "target now", .quantity),
        ("targetDate", "for", .plain), ("newTargetDate", "now for", .plain),
        ("requiredThen", "new trajectory then", .quantity), ("recordedOn", "changed on", .plain), ("lastMeasured", "last measured", .plain),
        ("daysSince", "since then", .days), ("allowedDays", "allowed", .days), ("slipDays", "slip", .days),
        ("daysEarly", "early by", .days), ("daysOverdue", "overdue by", .days), ("totalShare", "shares claimed", .percent),
        ("reviewedOn", "reviewed on", .plain), ("reviewer", "by", .plain), ("reviewNote", "note", .plain),
        ("action", "action number", .count), ("actionDue", "due", .plain), ("actionOwner", "action owner", .plain),
    ]
    private static let order = Dictionary(uniqueKeysWithValues: wording.enumerated().map { ($1.key, $0) })

    /// The evidence, labelled and formatted, empty values left out; unknown keys after known ones, sorted.
    static func details(_ evidence: [String: Evidence], unit: QuantityUnit) -> [Finding.Detail] {
        let keys = evidence.keys.sorted { (order[$0] ?? Int.max, $0) < (order[$1] ?? Int.max, $1) }
        return keys.compactMap { key in
            let known = order[key].map { wording[$0] }
            let value: String
            switch evidence[key]! {
            case .text(let text): value = text
            case .list(let list): value = list.joined(separator: ", ")
            case .number(let number): value = format(number, known?.measure ?? .plain, unit)
            }
            guard !value.isEmpty else { return nil }
            return Finding.Detail(label: known?.label ?? words(key), value: value)
        }
    }

    private static func format(_ number: Double, _ measure: Measure, _ unit: QuantityUnit) -> String {
        let text = ReadableNumber.text(number)
        switch measure {
        case .quantity: return unit.apply(text)
        case .perYear: return unit.apply(text) + " a year"
        case .days: return "\(text) day\(abs(number) == 1 ? "" : "s")"
        case .percent: return "\(text)%"
        case .count, .plain: return text
        }
    }

    /// `finalTargetDate` → `final target date`.
    static func words(_ key: String) -> String {
        // Keys are ASCII: their capitals found by byte, without a look-up of each character's Unicode properties
        // (a twentieth of a large report's time).
        if key.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(key.utf8.count + 4)
            for byte in key.utf8 {
                if byte >= 0x41 && byte <= 0x5A { bytes += [0x20, byte + 0x20] } else { bytes.append(byte) }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var out = ""
        for character in key {
            if character.isUppercase { out += " " + character.lowercased() } else { out.append(character) }
        }
        return out
    }
}
