import Foundation

/// A piece of a part being written: bytes in memory, or a file of rows.
enum PartPiece {
    case bytes(Data)
    case file(String)
}

/// Reads the pieces of a part one after another, as ZIPFoundation asks for them, in order.
final class PartReader {
    private var pieces: [PartPiece]
    private var handle: FileHandle?
    private var offset = 0
    let size: Int64

    init(_ pieces: [PartPiece]) throws {
        self.pieces = pieces
        var size: Int64 = 0
        for piece in pieces {
            switch piece {
            case .bytes(let data): size += Int64(data.count)
            case .file(let path):
                size += (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
            }
        }
        self.size = size
    }

    deinit { try? handle?.close() }

    /// The next `count` bytes (fewer at the end).
    func read(_ count: Int) throws -> Data {
        var out = Data()
        while out.count < count, let piece = pieces.first {
            switch piece {
            case .bytes(let data):
                let take = min(count - out.count, data.count - offset)
                out += data[data.startIndex + offset ..< data.startIndex + offset + take]
                offset += take
                if offset == data.count { next() }
            case .file(let path):
                if handle == nil { handle = FileHandle(forReadingAtPath: path) }
                let chunk = try handle?.read(upToCount: count - out.count) ?? Data()
                out += chunk
                if chunk.isEmpty { next() }
            }
        }
        return out
    }

    private func next() {
        pieces.removeFirst()
        offset = 0
        try? handle?.close()
        handle = nil
    }
}
